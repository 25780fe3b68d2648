// Authentication for every route: sessions, API tokens, password hashing, attempt counters,
// and the global guard that applies them (with the CSRF checks) before any handler runs.
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PasswordHasher } from '../accounts/passwords/password-hasher';
import { RateLimiter } from '../rate-limits/rate-limiter';
import { SessionRevocations } from '../sessions/session-revocations';
import { Sessions } from '../sessions/sessions';
import { TokenAuthenticator } from '../tokens/token-authenticator';
import { AuthGuard } from './auth.guard';

@Global()
@Module({
  providers: [SessionRevocations, Sessions, TokenAuthenticator, PasswordHasher, RateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionRevocations, Sessions, TokenAuthenticator, PasswordHasher, RateLimiter],
})
export class AuthModule {}
