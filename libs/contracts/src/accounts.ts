// Request and response shapes for accounts, sessions, workspaces, members, invites and API tokens,
// plus the names (roles, abilities, cookies, headers) both the API and the web app rely on.
import { z } from 'zod';
import {
  DEFAULT_INVITE_HOURS,
  MAX_EMAIL_LENGTH,
  MAX_INVITE_HOURS,
  MAX_PASSWORD_BYTES,
  MAX_PERSON_NAME_LENGTH,
  MAX_TOKEN_NAME_LENGTH,
  MAX_WORKSPACE_NAME_LENGTH,
  MIN_PASSWORD_CHARACTERS,
} from './limits';

/** Cookie holding the session id (HttpOnly). Over HTTPS it is sent as `__Host-glossa_session`. */
export const SESSION_COOKIE = 'glossa_session';
/** Prefix that pins a cookie to one origin (no Domain, Path=/, Secure); used over HTTPS. */
export const HOST_COOKIE_PREFIX = '__Host-';
/** Readable cookie holding the double-submit CSRF token; its value goes back in CSRF_HEADER. */
export const CSRF_COOKIE = 'glossa_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Personal API tokens start with this, so leaked ones are easy to recognise and scan for. */
export const API_TOKEN_PREFIX = 'glossa_pat_';
/** Web-app path an invite link opens; the token follows. */
export const INVITE_PATH_PREFIX = '/invite/';

export const Role = z.enum(['owner', 'admin', 'reviewer', 'analyst', 'viewer']);
export type Role = z.infer<typeof Role>;
/** Every role, most powerful first. */
export const ROLES: readonly Role[] = Role.options;

/** What a member may do in a workspace; the API returns these with the data so clients never re-derive them. */
export const Action = {
  ReadDocuments: 'readDocuments',
  ImportDocuments: 'importDocuments',
  Annotate: 'annotate',
  Review: 'review',
  ManageMembers: 'manageMembers',
  ManageWorkspace: 'manageWorkspace',
} as const;
export type Action = (typeof Action)[keyof typeof Action];
export const ACTIONS: readonly Action[] = Object.values(Action);

export const Abilities = z.object({
  readDocuments: z.boolean(),
  importDocuments: z.boolean(),
  annotate: z.boolean(),
  review: z.boolean(),
  manageMembers: z.boolean(),
  manageWorkspace: z.boolean(),
});
export type Abilities = z.infer<typeof Abilities>;

// ---- field schemas -------------------------------------------------------------------------

/** Trimmed and lower-cased, so one mailbox is one account. */
export const Email = z
  .string({ error: 'email is required' })
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH, `email must be at most ${MAX_EMAIL_LENGTH} characters`)
  .pipe(z.email({ error: 'email is not a valid address' }));

const utf8Bytes = (value: string): number => new TextEncoder().encode(value).length;

/**
 * A new password: at least 8 characters (code points, so emoji count as one), at most 256 UTF-8
 * bytes. The byte cap is checked before anything else so a huge value is refused without hashing.
 * Never trimmed or truncated: what is typed is what is hashed.
 */
export const NewPassword = z
  .string({ error: 'password is required' })
  .max(MAX_PASSWORD_BYTES, { error: `password must be at most ${MAX_PASSWORD_BYTES} bytes`, abort: true })
  .refine((value) => utf8Bytes(value) <= MAX_PASSWORD_BYTES, { error: `password must be at most ${MAX_PASSWORD_BYTES} bytes`, abort: true })
  .refine((value) => [...value].length >= MIN_PASSWORD_CHARACTERS, { error: `password must be at least ${MIN_PASSWORD_CHARACTERS} characters` });

/** A password being checked (sign-in, current password): only the size cap applies. */
export const GivenPassword = z
  .string({ error: 'password is required' })
  .min(1, 'password is required')
  .max(MAX_PASSWORD_BYTES, { error: 'password is incorrect', abort: true })
  .refine((value) => utf8Bytes(value) <= MAX_PASSWORD_BYTES, { error: 'password is incorrect' });

export const PersonName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name must not be empty')
  .max(MAX_PERSON_NAME_LENGTH, `name must be at most ${MAX_PERSON_NAME_LENGTH} characters`);

export const WorkspaceName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name must not be empty')
  .max(MAX_WORKSPACE_NAME_LENGTH, `name must be at most ${MAX_WORKSPACE_NAME_LENGTH} characters`);

export const TokenName = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name must not be empty')
  .max(MAX_TOKEN_NAME_LENGTH, `name must be at most ${MAX_TOKEN_NAME_LENGTH} characters`);

/** An invite or API token as it travels; its shape is checked, its meaning by the server. */
const SecretToken = z.string().min(1).max(200);

// ---- sign-up, sign-in, me ------------------------------------------------------------------

export const SignUpBody = z.strictObject({
  email: Email,
  password: NewPassword,
  name: PersonName,
  inviteToken: SecretToken.optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const LoginBody = z.strictObject({
  email: Email,
  password: GivenPassword,
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: GivenPassword,
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const WorkspaceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  role: Role,
  abilities: Abilities,
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
});
export type UserView = z.infer<typeof UserView>;

export const Me = z.object({
  user: UserView,
  workspaces: z.array(WorkspaceSummary),
  /** The workspace lists and imports default to; null only for someone who belongs to none. */
  currentWorkspaceId: z.uuid().nullable(),
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.strictObject({
  currentWorkspaceId: z.uuid({ error: 'currentWorkspaceId must be a workspace id' }),
});
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

// ---- workspaces and members ----------------------------------------------------------------

export const WorkspaceList = z.object({ items: z.array(WorkspaceSummary) });
export type WorkspaceList = z.infer<typeof WorkspaceList>;

export const CreateWorkspaceBody = z.strictObject({ name: WorkspaceName });
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;

export const Member = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ items: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;

export const UpdateMemberBody = z.strictObject({ role: Role });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

// ---- invites -------------------------------------------------------------------------------

export const CreateInviteBody = z.strictObject({
  role: Role,
  expiresInHours: z
    .number({ error: 'expiresInHours must be a number of hours' })
    .int('expiresInHours must be a whole number')
    .min(1, 'expiresInHours must be at least 1')
    .max(MAX_INVITE_HOURS, `expiresInHours must be at most ${MAX_INVITE_HOURS}`)
    .default(DEFAULT_INVITE_HOURS),
});
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/** Returned once, at creation: the token is stored hashed and cannot be shown again. */
export const CreatedInvite = z.object({
  id: z.uuid(),
  role: Role,
  expiresAt: z.iso.datetime(),
  token: z.string(),
  /** Web-app path (`/invite/<token>`) to send to the invitee. */
  url: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InviteSummary = z.object({
  id: z.uuid(),
  role: Role,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
});
export type InviteSummary = z.infer<typeof InviteSummary>;

export const InviteList = z.object({ items: z.array(InviteSummary) });
export type InviteList = z.infer<typeof InviteList>;

/** What an invite link shows before anyone signs in. */
export const InvitePreview = z.object({
  workspaceName: z.string(),
  role: Role,
  expiresAt: z.iso.datetime(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

// ---- API tokens ----------------------------------------------------------------------------

export const CreateTokenBody = z.strictObject({ name: TokenName });
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;

/** Returned once, at creation: the token is stored as a SHA-256 hash. */
export const CreatedToken = z.object({
  id: z.uuid(),
  name: z.string(),
  token: z.string(),
  createdAt: z.iso.datetime(),
});
export type CreatedToken = z.infer<typeof CreatedToken>;

export const TokenSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type TokenSummary = z.infer<typeof TokenSummary>;

export const TokenList = z.object({ items: z.array(TokenSummary) });
export type TokenList = z.infer<typeof TokenList>;
