// Changes the password after checking the current one, and ends every other session of the
// account (a stolen cookie dies with the old password). API tokens are separate credentials and stay.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChangePasswordBody } from '@glossa/contracts';
import type { Actor } from '../../auth/actor';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';
import { Counter, RateLimiter, type Limit } from '../../rate-limits/rate-limiter';
import { Sessions } from '../../sessions/sessions';
import { UserEntity } from '../user.entity';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblem } from '../passwords/password-policy';

@Injectable()
export class ChangePassword {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly sessions: Sessions,
  ) {}

  async run(actor: Actor, input: ChangePasswordBody): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.userId });
    if (!user) throw DomainError.unauthenticated();
    // A stolen session must not become a password oracle: wrong guesses count as failed sign-ins.
    const byAccount: Limit = { counter: Counter.LoginFailuresByAccount, subject: user.email, max: this.config.GLOSSA_LOGIN_MAX_FAILURES_PER_ACCOUNT };
    const wait = await this.limiter.consume([byAccount]);
    if (wait !== null) throw DomainError.rateLimited(wait);
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw DomainError.invalidField('currentPassword', 'current password is incorrect');
    }
    await this.limiter.refund(byAccount);
    const weak = passwordProblem(input.newPassword, user);
    if (weak) throw DomainError.invalidField('newPassword', weak);

    const passwordHash = await this.hasher.hash(input.newPassword);
    const announce = await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [user.id, passwordHash]);
      return this.sessions.endAllOf(manager, user.id, actor.sessionIdHash);
    });
    announce();
  }
}
