// Creates an account and its first session. The first account of a fresh install owns the default
// workspace; later ones join through an invite, or (open sign-up) get a workspace of their own.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type SignUpBody } from '@glossa/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DomainError } from '../../common/domain-error';
import { OWNER_ROLE } from '../../policies/workspace-policy';
import { Counter, RateLimiter } from '../../rate-limits/rate-limiter';
import { Sessions, type NewSession } from '../../sessions/sessions';
import { claimInvite, inviteTokenHash } from '../../invites/invite-tokens';
import { DefaultWorkspace } from '../../workspaces/default-workspace';
import { insertMembership, insertWorkspace, setCurrentWorkspace } from '../../workspaces/membership-writes';
import { PasswordHasher } from '../passwords/password-hasher';
import { passwordProblem } from '../passwords/password-policy';

/** Serializes sign-ups so exactly one can be "the first account" (any 64-bit constant would do). */
const FIRST_ACCOUNT_LOCK = 0x676c6f737361; // "glossa"

const INVALID_INVITE = 'invite is invalid, used or expired';
// Says neither "taken" nor "exists" (SECURITY.md A2); see docs/PERMISSIONS.md, "Sign-up and enumeration".
const UNUSABLE_EMAIL = 'this email address cannot be used to sign up';

export interface SignedUp {
  userId: string;
  session: NewSession;
}

@Injectable()
export class SignUp {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly limiter: RateLimiter,
    private readonly sessions: Sessions,
    private readonly defaultWorkspace: DefaultWorkspace,
  ) {}

  async run(input: SignUpBody, ip: string): Promise<SignedUp> {
    const wait = await this.limiter.consume([
      { counter: Counter.SignupsByIp, subject: ip, max: this.config.GLOSSA_SIGNUP_MAX_PER_IP },
      { counter: Counter.SignupsByAccount, subject: input.email, max: this.config.GLOSSA_SIGNUP_MAX_PER_ACCOUNT },
    ]);
    if (wait !== null) throw DomainError.rateLimited(wait);

    // Cheap refusals first, before any hashing: a closed install says so whatever the email.
    if (input.inviteToken === undefined && !this.config.GLOSSA_OPEN_SIGNUP && (await this.anyAccountExists())) {
      throw new DomainError(ErrorCode.SignupClosed, 'Sign-up needs an invite; ask a workspace admin for a link');
    }
    if (input.inviteToken !== undefined && !(await this.inviteUsable(input.inviteToken))) {
      throw DomainError.invalidField('inviteToken', INVALID_INVITE);
    }
    const weak = passwordProblem(input.password, input);
    if (weak) throw DomainError.invalidField('password', weak);

    // Hashed before the email is looked at, so a taken email costs the same time as a free one.
    const passwordHash = await this.hasher.hash(input.password);
    const defaultWorkspaceId = await this.defaultWorkspace.id();

    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock($1)`, [FIRST_ACCOUNT_LOCK]);
      const first = !(await this.anyAccountExists(manager));
      const userId = await this.insertUser(manager, input, passwordHash);
      if (first) {
        await insertMembership(manager, defaultWorkspaceId, userId, OWNER_ROLE, { via: 'first-account' });
        await setCurrentWorkspace(manager, userId, defaultWorkspaceId);
      } else if (input.inviteToken !== undefined) {
        const invite = await claimInvite(manager, input.inviteToken, userId);
        if (!invite) throw DomainError.invalidField('inviteToken', INVALID_INVITE);
        await insertMembership(manager, invite.workspaceId, userId, invite.role, { via: 'invite', inviteId: invite.id });
        await setCurrentWorkspace(manager, userId, invite.workspaceId);
      } else if (this.config.GLOSSA_OPEN_SIGNUP) {
        const workspaceId = await insertWorkspace(manager, input.name, userId, 'open-signup');
        await setCurrentWorkspace(manager, userId, workspaceId);
      } else {
        // Someone else became the first account while this request was hashing.
        throw new DomainError(ErrorCode.SignupClosed, 'Sign-up needs an invite; ask a workspace admin for a link');
      }
      return { userId, session: await this.sessions.create(userId, manager) };
    });
  }

  private async anyAccountExists(manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: Array<{ exists: boolean }> = await manager.query(`SELECT EXISTS (SELECT 1 FROM app_user) AS exists`);
    return rows[0]?.exists ?? false;
  }

  private async inviteUsable(token: string): Promise<boolean> {
    const tokenHash = inviteTokenHash(token);
    if (tokenHash === null) return false;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM invite WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`, [tokenHash]);
    return rows.length > 0;
  }

  private async insertUser(manager: EntityManager, input: SignUpBody, passwordHash: string): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [input.email, input.name, passwordHash],
    );
    if (!rows[0]) throw DomainError.invalidField('email', UNUSABLE_EMAIL);
    return rows[0].id;
  }
}
