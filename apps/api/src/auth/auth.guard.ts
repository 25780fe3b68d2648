// Runs before every API handler: establishes who is calling (API token or session cookie),
// applies the CSRF checks to cookie-authenticated mutations, and refuses anonymous calls to
// routes not marked @Public(). Bearer requests carry no ambient credential, so no CSRF check.
// Last, input text holding U+0000 (which PostgreSQL cannot store) is refused as a 400.
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '@glossa/contracts';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DomainError } from '../common/domain-error';
import { Sessions } from '../sessions/sessions';
import { bearerCredential, TokenAuthenticator } from '../tokens/token-authenticator';
import { PUBLIC_ROUTE } from './actor';
import { clearSessionCookie, readSessionCookie } from './cookies';
import { csrfProblem, UNSAFE_METHODS } from './csrf';
import { findNulCharacter } from './nul-characters';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: Sessions,
    private readonly tokens: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]) ?? false;

    const bearer = bearerCredential(request);
    if (bearer !== null) {
      const actor = await this.tokens.authenticate(bearer);
      // A wrong or revoked token is refused even on public routes: the caller meant to authenticate.
      if (!actor) throw DomainError.unauthenticated('The API token is not valid');
      request.actor = actor;
      refuseNulCharacters(request);
      return true;
    }

    if (UNSAFE_METHODS.has(request.method)) {
      const problem = csrfProblem(request, this.config);
      if (problem) throw new DomainError(ErrorCode.CsrfFailed, problem);
    }

    const sessionId = readSessionCookie(request, this.config);
    if (sessionId !== undefined) {
      const actor = await this.sessions.authenticate(sessionId);
      if (actor) request.actor = actor;
      // Tell the browser to stop sending an ended session.
      else clearSessionCookie(reply, this.config);
    }
    if (!isPublic && !request.actor) throw DomainError.unauthenticated();
    refuseNulCharacters(request);
    return true;
  }
}

/** Text with U+0000 cannot be stored; refuse it on the field instead of failing in the database. */
function refuseNulCharacters(request: FastifyRequest): void {
  const path = findNulCharacter(request.query) ?? (request.body === undefined ? null : findNulCharacter(request.body));
  if (path !== null) throw DomainError.invalidField(path, `${path} must not contain the NUL character (U+0000)`);
}
