// Checks an email and password and opens a new session. Unknown emails and wrong passwords
// answer alike, in body and in time; failures count against the account and the client IP.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoginBody } from '@glossa/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';
import { Counter, RateLimiter, type Limit } from '../../rate-limits/rate-limiter';
import { Sessions, type NewSession } from '../../sessions/sessions';
import { UserEntity } from '../user.entity';
import { PasswordHasher } from '../passwords/password-hasher';

export const WRONG_CREDENTIALS = 'Email or password is incorrect';

export interface LoggedIn {
  userId: string;
  session: NewSession;
}

@Injectable()
export class LogIn {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly sessions: Sessions,
  ) {}

  /** `previousSessionId`: a session cookie sent along, ended here so no old id survives sign-in (A3). */
  async run(input: LoginBody, ip: string, previousSessionId: string | undefined): Promise<LoggedIn> {
    const byAccount: Limit = { counter: Counter.LoginFailuresByAccount, subject: input.email, max: this.config.GLOSSA_LOGIN_MAX_FAILURES_PER_ACCOUNT };
    const byIp: Limit = { counter: Counter.LoginFailuresByIp, subject: ip, max: this.config.GLOSSA_LOGIN_MAX_FAILURES_PER_IP };
    // Counted before checking, refunded on success: parallel guesses cannot outrun the counter.
    const wait = await this.limiter.consume([byAccount, byIp]);
    if (wait !== null) throw DomainError.rateLimited(wait);

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: input.email });
    const valid = user ? await this.hasher.verify(user.passwordHash, input.password) : await this.hasher.verifyNobody(input.password);
    if (!user || !valid) throw DomainError.unauthenticated(WRONG_CREDENTIALS);

    await this.limiter.reset(byAccount);
    await this.limiter.refund(byIp);
    if (previousSessionId !== undefined) await this.sessions.end(previousSessionId);
    return { userId: user.id, session: await this.sessions.create(user.id) };
  }
}
