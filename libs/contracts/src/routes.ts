// Public API paths, named once. Scripts and other tools rely on these exact paths.
import type { z } from 'zod';
import { ApiErrorBody } from './errors';
import { CreateDocumentBody, DocumentDetail, DocumentPage, HealthBody, ListDocumentsQuery } from './documents';
import {
  Annotation,
  AnnotationHistory,
  AnnotationList,
  BulkAnnotationsBody,
  BulkAnnotationsResult,
  CreateAnnotationBody,
  CreateRevisionBody,
  ListAnnotationsQuery,
  RevisionImported,
  UpdateAnnotationBody,
} from './annotations';
import {
  ChangePasswordBody,
  CreatedInvite,
  CreatedToken,
  CreateInviteBody,
  CreateTokenBody,
  CreateWorkspaceBody,
  InviteList,
  InvitePreview,
  LoginBody,
  Me,
  Member,
  MemberList,
  SignUpBody,
  TokenList,
  UpdateMeBody,
  UpdateMemberBody,
  WorkspaceList,
  WorkspaceSummary,
} from './accounts';
import { CommentList, Comment, CreateCommentBody, CreateLinkBody, Link, LinkHistory, LinkList, MarkNotificationsReadBody, NotificationList, TransitionBody } from './links';
import { AnnotationDecisionBody, AnnotationSearchResult, ReviewQueue, ReviewQueueQuery, SearchAnnotationsQuery } from './review';
import { DocumentExportQuery, ExportJob, ExportJobList, GlossaExport, WorkspaceExportQuery } from './exports';
import { ImportEnvelope, ImportQuery, ImportResult, W3cAnnotation, W3cAnnotationCollection, W3cContainerQuery } from './w3c';

export const API_PREFIX = '/api';

export const Routes = {
  health: '/health',
  docs: '/docs',
  documents: '/documents',
  document: '/documents/:id',
  documentText: '/documents/:id/text',
  documentRevisions: '/documents/:id/revisions',
  documentAnnotations: '/documents/:id/annotations',
  documentAnnotationsDelete: '/documents/:id/annotations/delete',
  documentAnnotationsRestore: '/documents/:id/annotations/restore',
  annotation: '/annotations/:id',
  annotationRestore: '/annotations/:id/restore',
  annotationHistory: '/annotations/:id/history',
  annotationSearch: '/annotations/search',
  annotationLinks: '/annotations/:id/links',
  annotationComments: '/annotations/:id/comments',
  annotationSubmit: '/annotations/:id/submit',
  annotationDecision: '/annotations/:id/decision',
  links: '/links',
  link: '/links/:id',
  linkTransitions: '/links/:id/transitions',
  linkHistory: '/links/:id/history',
  linkComments: '/links/:id/comments',
  reviewQueue: '/review/queue',
  notifications: '/me/notifications',
  notificationsRead: '/me/notifications/read',
  signUp: '/auth/signup',
  login: '/auth/login',
  logout: '/auth/logout',
  password: '/auth/password',
  tokens: '/auth/tokens',
  token: '/auth/tokens/:id',
  me: '/me',
  workspaces: '/workspaces',
  members: '/workspaces/:id/members',
  member: '/workspaces/:id/members/:userId',
  invites: '/workspaces/:id/invites',
  invite: '/workspaces/:id/invites/:inviteId',
  invitePreview: '/invites/:token',
  inviteAccept: '/invites/:token/accept',
  documentExport: '/documents/:id/export',
  workspaceExport: '/workspaces/:id/export',
  exportJobs: '/exports',
  exportJob: '/exports/:id',
  exportJobFile: '/exports/:id/file',
  /** Web Annotation Protocol container of a document; the IRI ends with `/` (docs/W3C.md). */
  documentW3cContainer: '/documents/:id/w3c/',
  /** The same container without the slash (how Nest declares it; both forms answer alike). */
  documentW3cContainerNoSlash: '/documents/:id/w3c',
  documentW3cAnnotation: '/documents/:id/w3c/:annotationId',
  workspaceImport: '/workspaces/:id/import',
} as const;

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  summary: string;
  /** Callable without signing in (sign-up, sign-in, health, docs, invite previews). */
  public?: boolean;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Content types accepted besides JSON (documented only). */
  alsoAccepts?: string[];
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const errorResponse = (description: string) => ({ description, schema: ApiErrorBody });
const unauthenticated = errorResponse('Not signed in (no session cookie or Bearer token, or an ended one)');
const csrfFailed = errorResponse('`csrf_failed`: a foreign Origin, Sec-Fetch-Site cross-site, or X-CSRF-Token not equal to the glossa_csrf cookie (cookie sessions only)');
const forbidden = errorResponse('`forbidden`: a member whose role does not allow this');
const workspaceMissing = errorResponse('No such workspace among yours (the same body as a missing id)');
const noContent = { description: 'Done' };

/** The route table the OpenAPI document is generated from. */
export const routeDocs: RouteDoc[] = [
  {
    method: 'get',
    path: Routes.health,
    summary: 'Liveness and database reachability',
    public: true,
    responses: { 200: { description: 'The database answers', schema: HealthBody }, 503: { description: 'The database does not answer', schema: HealthBody } },
  },
  {
    method: 'get',
    path: Routes.docs,
    summary: 'This OpenAPI document',
    public: true,
    responses: { 200: { description: 'OpenAPI 3.1 JSON' } },
  },
  {
    method: 'get',
    path: Routes.documents,
    summary: 'List documents, newest first (cursor pagination)',
    query: ListDocumentsQuery,
    responses: {
      200: { description: "A page of documents of the caller's current workspace, or of `workspaceId`", schema: DocumentPage },
      400: errorResponse('Bad query'),
      401: unauthenticated,
      404: workspaceMissing,
    },
  },
  {
    method: 'post',
    path: Routes.documents,
    summary:
      'Import a document (JSON body, or multipart with fields title, format and a file). Send `Idempotency-Key` (1–200 characters) to make retries safe: the same key and import return the first document',
    body: CreateDocumentBody,
    alsoAccepts: ['multipart/form-data'],
    responses: {
      201: { description: 'Imported', schema: DocumentDetail },
      400: errorResponse('Invalid fields'),
      401: unauthenticated,
      403: errorResponse('`forbidden` (role may not import) or `csrf_failed`'),
      404: workspaceMissing,
      413: errorResponse('Content over the limit'),
      415: errorResponse('Not text (binary, NUL bytes) or an unsupported media type'),
      422: errorResponse('Not valid UTF-8, too deep / too long to lay out, or an Idempotency-Key already used for another import'),
    },
  },
  {
    method: 'get',
    path: Routes.document,
    summary: 'A document with its current revision (ProseMirror JSON)',
    responses: { 200: { description: 'The document', schema: DocumentDetail }, 401: unauthenticated, 404: errorResponse('No such document in a workspace of yours') },
  },
  {
    method: 'get',
    path: Routes.documentText,
    summary: 'The canonical plain text of the current revision; offsets count code points in this text',
    responses: { 200: { description: 'text/plain; charset=utf-8', contentType: 'text/plain' }, 401: unauthenticated, 404: errorResponse('No such document in a workspace of yours') },
  },
  {
    method: 'post',
    path: Routes.documentRevisions,
    summary:
      'Re-import a changed version as the next revision (JSON {format, content}, or multipart with format and a file); every annotation is re-anchored in the same transaction — never dropped: those not found become detached',
    body: CreateRevisionBody,
    alsoAccepts: ['multipart/form-data'],
    responses: {
      201: { description: 'The document with its new revision, and how its annotations were re-anchored', schema: RevisionImported },
      400: errorResponse('Invalid fields'),
      401: unauthenticated,
      403: errorResponse('`forbidden` (role may not import) or `csrf_failed`'),
      404: errorResponse('No such document in a workspace of yours'),
      413: errorResponse('Content over the limit'),
      415: errorResponse('Not text, or an unsupported media type'),
      422: errorResponse('Not valid UTF-8, or too deep / too long to lay out'),
    },
  },
  {
    method: 'get',
    path: Routes.documentAnnotations,
    summary: "A document's annotations the caller may see (shared ones and their own private ones), in document order, detached ones last",
    query: ListAnnotationsQuery,
    responses: {
      200: { description: 'Annotations', schema: AnnotationList },
      400: errorResponse('Bad query'),
      401: unauthenticated,
      404: errorResponse('No such document in a workspace of yours'),
    },
  },
  {
    method: 'post',
    path: Routes.documentAnnotations,
    summary:
      'Annotate a span of the current revision. Either selector alone is enough; the server completes the other. Send `Idempotency-Key` (1–200 characters) to make retries safe: the same key and body return the same annotation',
    body: CreateAnnotationBody,
    responses: {
      201: { description: 'Created; `ETag` holds the version', schema: Annotation },
      400: errorResponse('Invalid fields: unknown tag, note too long, offsets negative / fractional / not numbers / out of range, start >= end, extra fields'),
      401: unauthenticated,
      403: errorResponse('`forbidden` (viewers cannot annotate) or `csrf_failed`'),
      404: errorResponse('No such document in a workspace of yours'),
      409: errorResponse('`conflict`: target.revisionId is not the current revision'),
      413: errorResponse('Body over the limit'),
      422: errorResponse('`unprocessable_content`: the quote does not match the revision, is not found, or is ambiguous; or an Idempotency-Key reused with another body'),
    },
  },
  {
    method: 'post',
    path: Routes.documentAnnotationsDelete,
    summary:
      'Delete many annotations of this document at once (soft; undo with the restore below): all or nothing. Each item names the version last read; one already deleted is left as it is, so retrying a request that committed changes nothing twice',
    body: BulkAnnotationsBody,
    responses: {
      200: { description: 'Deleted; every item with its version now', schema: BulkAnnotationsResult },
      400: errorResponse('Invalid fields: no items, over the limit, an id listed twice, a bad id or version'),
      401: unauthenticated,
      403: errorResponse('`forbidden`: some items are neither yours nor deletable by your role (`fields` names them); nothing changed'),
      404: errorResponse('No such document in a workspace of yours, or some items are not annotations of it visible to you (`fields` names them); nothing changed'),
      412: errorResponse('`precondition_failed`: some items were changed by someone else (`fields` names them and their version now); nothing changed'),
      413: errorResponse('Body over the limit'),
    },
  },
  {
    method: 'post',
    path: Routes.documentAnnotationsRestore,
    summary: 'Undo a bulk delete: restore many annotations of this document at once, all or nothing, with the versions the delete answered; one not deleted is left as it is',
    body: BulkAnnotationsBody,
    responses: {
      200: { description: 'Restored; every item with its version now', schema: BulkAnnotationsResult },
      400: errorResponse('Invalid fields'),
      401: unauthenticated,
      403: errorResponse('`forbidden`: some items are not restorable by you (`fields` names them); nothing changed'),
      404: errorResponse('No such document, or some items are not annotations of it visible to you; nothing changed'),
      412: errorResponse('`precondition_failed`: some items were changed since; nothing changed'),
    },
  },
  {
    method: 'get',
    path: Routes.annotation,
    summary: 'One annotation; `ETag` holds its version',
    responses: { 200: { description: 'The annotation', schema: Annotation }, 401: unauthenticated, 404: errorResponse('No such annotation visible to you') },
  },
  {
    method: 'patch',
    path: Routes.annotation,
    summary: "Change tag, note, visibility or extent (author only). Requires `If-Match: \"<version>\"`",
    body: UpdateAnnotationBody,
    responses: {
      200: { description: 'Updated; `ETag` holds the new version', schema: Annotation },
      400: errorResponse('Invalid fields (including fields the server sets: authorId, status, version, createdAt)'),
      401: unauthenticated,
      403: errorResponse('`forbidden`: not the author, or a role that cannot annotate'),
      404: errorResponse('No such annotation visible to you'),
      409: errorResponse('`conflict`: target.revisionId is not the current revision'),
      412: errorResponse('`precondition_failed`: If-Match is stale; `currentVersion` is in the body'),
      422: errorResponse('`unprocessable_content`: the quote does not match the revision'),
      428: errorResponse('`precondition_required`: If-Match is missing'),
    },
  },
  {
    method: 'delete',
    path: Routes.annotation,
    summary: 'Delete (soft; undo with restore). The author, or a workspace admin or owner. Requires If-Match',
    responses: {
      204: noContent,
      401: unauthenticated,
      403: forbidden,
      404: errorResponse('No such annotation visible to you'),
      412: errorResponse('`precondition_failed`: If-Match is stale'),
      428: errorResponse('`precondition_required`: If-Match is missing'),
    },
  },
  {
    method: 'post',
    path: Routes.annotationRestore,
    summary: 'Undo a delete; the author stays the original one. Requires If-Match with the version after the delete',
    responses: {
      200: { description: 'Restored', schema: Annotation },
      401: unauthenticated,
      403: forbidden,
      404: errorResponse('No such annotation visible to you'),
      409: errorResponse('`conflict`: not deleted'),
      412: errorResponse('`precondition_failed`: If-Match is stale'),
      428: errorResponse('`precondition_required`: If-Match is missing'),
    },
  },
  {
    method: 'get',
    path: Routes.annotationHistory,
    summary: 'Who changed what and when, from the event log (also for a deleted annotation)',
    responses: { 200: { description: 'History, oldest first', schema: AnnotationHistory }, 401: unauthenticated, 404: errorResponse('No such annotation visible to you') },
  },
  {
    method: 'get',
    path: Routes.annotationSearch,
    summary:
      "Search the workspace's annotations the caller may see: literal, case-insensitive substring of quote or note (Chinese substrings of two characters included), filtered by tag, document, author",
    query: SearchAnnotationsQuery,
    responses: { 200: { description: 'Matches, newest first', schema: AnnotationSearchResult }, 400: errorResponse('Bad query'), 401: unauthenticated, 404: workspaceMissing },
  },
  {
    method: 'post',
    path: Routes.links,
    summary:
      'Link two or more annotations of one workspace: `contradicts` (a flag for review, starts `open`), `supports` or `same_claim` (no review). Rationale required; severity for contradicts only (default medium). Optional `Idempotency-Key`',
    body: CreateLinkBody,
    responses: {
      201: { description: 'Created; `ETag` holds the version', schema: Link },
      400: errorResponse('Invalid fields: fewer than two annotations, one listed twice, empty rationale, unknown type or severity'),
      401: unauthenticated,
      403: errorResponse('`forbidden` (viewers cannot link) or `csrf_failed`'),
      404: errorResponse('An annotation that is not visible to you, deleted, or of another workspace than the others'),
      409: errorResponse('`conflict`: a link of this type over these annotations exists already'),
      422: errorResponse('`unprocessable_content`: one of your own private annotations (share it first), or an Idempotency-Key reused with another body'),
    },
  },
  {
    method: 'get',
    path: Routes.link,
    summary: 'One link with its passages (deleted ones keep their last quote), review state and what the caller may do; `ETag` holds its version',
    responses: { 200: { description: 'The link', schema: Link }, 401: unauthenticated, 404: errorResponse('No such link in a workspace of yours') },
  },
  {
    method: 'get',
    path: Routes.linkHistory,
    summary: 'The audit trail of a link: who raised it, and every review transition with who, when, from, to and the note',
    responses: { 200: { description: 'History, oldest first', schema: LinkHistory }, 401: unauthenticated, 404: errorResponse('No such link in a workspace of yours') },
  },
  {
    method: 'post',
    path: Routes.linkTransitions,
    summary: 'Move a contradiction flag through the review state machine (docs/REVIEW.md). Requires `If-Match: "<version>"`',
    body: TransitionBody,
    responses: {
      200: { description: 'The link in its new state; `ETag` holds the new version', schema: Link },
      400: errorResponse('Invalid fields (resolve without a note, assign without an assigneeId, an assignee who cannot review)'),
      401: unauthenticated,
      403: errorResponse('`forbidden`: your role cannot decide flags, or you raised this one'),
      404: errorResponse('No such link in a workspace of yours'),
      409: errorResponse('`conflict`: not allowed from the current state (`allowed` lists what is), or the link is not a flag'),
      412: errorResponse('`precondition_failed`: If-Match is stale'),
      428: errorResponse('`precondition_required`: If-Match is missing'),
    },
  },
  {
    method: 'get',
    path: Routes.annotationLinks,
    summary: 'The links an annotation takes part in (for the reading-view marker)',
    responses: { 200: { description: 'Links, newest first', schema: LinkList }, 401: unauthenticated, 404: errorResponse('No such annotation visible to you') },
  },
  ...(['linkComments', 'annotationComments'] as const).flatMap((route): RouteDoc[] => [
    {
      method: 'get',
      path: Routes[route],
      summary: `Comments on ${route === 'linkComments' ? 'a link' : 'an annotation'}, oldest first (threads by parentId)`,
      responses: { 200: { description: 'Comments', schema: CommentList }, 401: unauthenticated, 404: errorResponse('Not found among yours') },
    },
    {
      method: 'post',
      path: Routes[route],
      summary: `Comment on ${route === 'linkComments' ? 'a link' : 'an annotation'} (Markdown stored verbatim, rendered sanitized); \`@name\` mentions of members notify them`,
      body: CreateCommentBody,
      responses: {
        201: { description: 'Created', schema: Comment },
        400: errorResponse('Invalid fields: empty body, over 10,000 characters, a parentId of another thread'),
        401: unauthenticated,
        403: errorResponse('`forbidden` (viewers cannot comment) or `csrf_failed`'),
        404: errorResponse('Not found among yours'),
      },
    },
  ]),
  {
    method: 'post',
    path: Routes.annotationSubmit,
    summary: 'Submit your annotation for review (draft or rejected → submitted)',
    responses: {
      200: { description: 'The annotation', schema: Annotation },
      401: unauthenticated,
      403: errorResponse('`forbidden`: not the author'),
      404: errorResponse('No such annotation visible to you'),
      409: errorResponse('`conflict`: already submitted or accepted'),
    },
  },
  {
    method: 'post',
    path: Routes.annotationDecision,
    summary: 'Accept or reject a submitted annotation (review ability, not the author); the author is notified. Requires If-Match',
    body: AnnotationDecisionBody,
    responses: {
      200: { description: 'The annotation, accepted or rejected', schema: Annotation },
      400: errorResponse('Invalid fields'),
      401: unauthenticated,
      403: errorResponse('`forbidden`: your role cannot review, or it is your own annotation'),
      404: errorResponse('No such annotation visible to you'),
      409: errorResponse('`conflict`: not submitted'),
      412: errorResponse('`precondition_failed`: If-Match is stale'),
      428: errorResponse('`precondition_required`: If-Match is missing'),
    },
  },
  {
    method: 'get',
    path: Routes.reviewQueue,
    summary: "The review queue of the current workspace (or `workspaceId`): contradiction flags and submitted annotations, newest first, with counts per status (keyset cursor)",
    query: ReviewQueueQuery,
    responses: { 200: { description: 'A page of the queue', schema: ReviewQueue }, 400: errorResponse('Bad query (unknown parameters included)'), 401: unauthenticated, 404: workspaceMissing },
  },
  {
    method: 'get',
    path: Routes.notifications,
    summary: 'Your mentions and decisions on your work, newest first (the last 100), with the unread count',
    responses: { 200: { description: 'Notifications', schema: NotificationList }, 401: unauthenticated },
  },
  {
    method: 'post',
    path: Routes.notificationsRead,
    summary: 'Mark notifications of yours as read (others are ignored)',
    body: MarkNotificationsReadBody,
    responses: { 200: { description: 'Notifications', schema: NotificationList }, 400: errorResponse('Invalid fields'), 401: unauthenticated, 403: csrfFailed },
  },
  {
    method: 'post',
    path: Routes.signUp,
    summary:
      'Create an account and sign in. The first account of a fresh install owns the default workspace; later ones need an invite token, or open sign-up (GLOSSA_OPEN_SIGNUP=true) gives them a workspace of their own',
    public: true,
    body: SignUpBody,
    responses: {
      201: { description: 'Signed up; sets the session cookie', schema: Me },
      400: errorResponse('Invalid fields, a common password, an invalid invite, or an email that cannot be used (the message never says why)'),
      403: errorResponse('`signup_closed` (no invite and open sign-up is off) or `csrf_failed`'),
      429: errorResponse('`rate_limited`, with Retry-After'),
    },
  },
  {
    method: 'post',
    path: Routes.login,
    summary: 'Sign in; any session cookie sent along is ended and a new one is set',
    public: true,
    body: LoginBody,
    responses: {
      200: { description: 'Signed in; sets a new session cookie', schema: Me },
      400: errorResponse('Invalid fields'),
      401: errorResponse('Email or password is incorrect (one body for both)'),
      403: csrfFailed,
      429: errorResponse('`rate_limited`, with Retry-After'),
    },
  },
  {
    method: 'post',
    path: Routes.logout,
    summary: 'Sign out: ends the session and clears its cookie',
    public: true,
    responses: { 204: noContent, 403: csrfFailed },
  },
  {
    method: 'post',
    path: Routes.password,
    summary: "Change the password; ends every other session of the account (API tokens stay)",
    body: ChangePasswordBody,
    responses: {
      204: noContent,
      400: errorResponse('Invalid fields, a common password, or a wrong current password'),
      401: unauthenticated,
      403: csrfFailed,
      429: errorResponse('`rate_limited`, with Retry-After'),
    },
  },
  {
    method: 'get',
    path: Routes.me,
    summary: 'The signed-in user, their workspaces with role and abilities, and the current workspace',
    responses: { 200: { description: 'Me', schema: Me }, 401: unauthenticated },
  },
  {
    method: 'patch',
    path: Routes.me,
    summary: 'Switch the current workspace',
    body: UpdateMeBody,
    responses: { 200: { description: 'Me', schema: Me }, 400: errorResponse('Invalid fields'), 401: unauthenticated, 403: csrfFailed, 404: workspaceMissing },
  },
  {
    method: 'get',
    path: Routes.workspaces,
    summary: "The caller's workspaces with their role and abilities",
    responses: { 200: { description: 'Workspaces', schema: WorkspaceList }, 401: unauthenticated },
  },
  {
    method: 'post',
    path: Routes.workspaces,
    summary: 'Create a workspace; the creator is its owner',
    body: CreateWorkspaceBody,
    responses: { 201: { description: 'Created', schema: WorkspaceSummary }, 400: errorResponse('Invalid fields'), 401: unauthenticated, 403: csrfFailed },
  },
  {
    method: 'get',
    path: Routes.members,
    summary: 'Members of a workspace (any member may list them)',
    responses: { 200: { description: 'Members', schema: MemberList }, 401: unauthenticated, 404: workspaceMissing },
  },
  {
    method: 'patch',
    path: Routes.member,
    summary: "Change a member's role (admins up to admin, owners any; never one's own; never the last owner)",
    body: UpdateMemberBody,
    responses: {
      200: { description: 'The member', schema: Member },
      400: errorResponse('Invalid fields'),
      401: unauthenticated,
      403: forbidden,
      404: errorResponse('No such workspace among yours, or no such member'),
      409: errorResponse('`conflict`: that would leave the workspace without an owner'),
    },
  },
  {
    method: 'delete',
    path: Routes.member,
    summary: "Remove a member (or leave, with one's own id); their access ends at once",
    responses: {
      204: noContent,
      401: unauthenticated,
      403: forbidden,
      404: errorResponse('No such workspace among yours, or no such member'),
      409: errorResponse('`conflict`: the last owner cannot be removed'),
    },
  },
  {
    method: 'post',
    path: Routes.invites,
    summary: 'Create a single-use invite link with a role; the token is shown only in this response',
    body: CreateInviteBody,
    responses: { 201: { description: 'Created', schema: CreatedInvite }, 400: errorResponse('Invalid fields'), 401: unauthenticated, 403: forbidden, 404: workspaceMissing },
  },
  {
    method: 'get',
    path: Routes.invites,
    summary: 'Pending (unused, unexpired) invites; tokens are never listed',
    responses: { 200: { description: 'Invites', schema: InviteList }, 401: unauthenticated, 403: forbidden, 404: workspaceMissing },
  },
  {
    method: 'delete',
    path: Routes.invite,
    summary: 'Revoke an invite',
    responses: { 204: noContent, 401: unauthenticated, 403: forbidden, 404: errorResponse('No such workspace among yours, or no such invite') },
  },
  {
    method: 'get',
    path: Routes.invitePreview,
    summary: 'What an invite link offers (no sign-in needed)',
    public: true,
    responses: { 200: { description: 'The invite', schema: InvitePreview }, 404: errorResponse('No such invite, or used, or expired') },
  },
  {
    method: 'post',
    path: Routes.inviteAccept,
    summary: 'Join the workspace of an invite with its role; it becomes the current workspace',
    responses: {
      200: { description: 'Me', schema: Me },
      401: unauthenticated,
      403: csrfFailed,
      404: errorResponse('No such invite, or used, or expired'),
      409: errorResponse('`conflict`: already a member of that workspace'),
    },
  },
  {
    method: 'post',
    path: Routes.tokens,
    summary: 'Create a personal API token (`Authorization: Bearer <token>`); shown only in this response',
    body: CreateTokenBody,
    responses: { 201: { description: 'Created', schema: CreatedToken }, 400: errorResponse('Invalid fields'), 401: unauthenticated, 403: csrfFailed },
  },
  {
    method: 'get',
    path: Routes.tokens,
    summary: "The caller's API tokens (never the secrets)",
    responses: { 200: { description: 'Tokens', schema: TokenList }, 401: unauthenticated },
  },
  {
    method: 'delete',
    path: Routes.token,
    summary: 'Revoke an API token; the next request with it is refused',
    responses: { 204: noContent, 401: unauthenticated, 403: csrfFailed, 404: errorResponse('No such token of yours') },
  },  ...exportRouteDocs(),
  ...w3cRouteDocs(),
];

/** The two export routes share their responses; docs/EXPORTS.md describes each format. */
function exportRouteDocs(): RouteDoc[] {
  const responses = (missing: string): RouteDoc['responses'] => ({
    200: {
      description:
        'A download (`Content-Disposition: attachment`, RFC 6266 with `filename*` for non-ASCII titles), streamed; `X-Glossa-Annotation-Count` holds the number of annotations. ' +
        'markdown: text/markdown review memo; docx: the memo as Word (at most 20,000 annotations); csv: RFC 4180, CRLF, UTF-8 with BOM, one row per annotation; ' +
        'json: the Glossa export document (schema below); w3c: a W3C Web Annotation AnnotationCollection (JSON-LD). Offsets count Unicode code points.',
      schema: GlossaExport,
    },
    202: {
      description:
        'With `Prefer: respond-async`: the export runs as a job. `Location` names it (`/api/exports/:id`); poll it for progress and download `fileUrl` when `done`',
      schema: ExportJob,
    },
    400: errorResponse('Bad query (unknown format or filter, malformed dates, to before from, too many documentIds, documentIds on a document export), or a DOCX of more than 20,000 annotations'),
    401: unauthenticated,
    404: errorResponse(missing),
    429: errorResponse('`rate_limited`: three exports of yours are running (downloads and jobs alike); `Retry-After` says when to try again'),
  });
  return [
    {
      method: 'get',
      path: Routes.documentExport,
      summary: "Export a document's annotations the caller may read (shared ones, and with includePrivate=own their own private ones), filtered",
      query: DocumentExportQuery,
      responses: responses('No such document in a workspace of yours'),
    },
    {
      method: 'get',
      path: Routes.workspaceExport,
      summary: "Export a workspace's annotations the caller may read, for all its documents or the ones in documentIds, filtered",
      query: WorkspaceExportQuery,
      responses: responses('No such workspace among yours, or a documentId that is not one of its documents'),
    },
    {
      method: 'get',
      path: Routes.exportJobs,
      summary: 'Your export jobs of the last day, newest first',
      responses: { 200: { description: 'Jobs', schema: ExportJobList }, 401: unauthenticated },
    },
    {
      method: 'get',
      path: Routes.exportJob,
      summary: "One of your export jobs: status (running, done, failed), annotations written of the total, bytes, and `fileUrl` once done. A job whose server stopped answers `failed`",
      responses: { 200: { description: 'The job', schema: ExportJob }, 401: unauthenticated, 404: errorResponse('No such job of yours') },
    },
    {
      method: 'get',
      path: Routes.exportJobFile,
      summary: 'The finished export, with the same Content-Type and Content-Disposition as a direct download',
      responses: {
        200: { description: 'The file' },
        401: unauthenticated,
        404: errorResponse('No such job of yours, or you are no longer a member of its workspace'),
        409: errorResponse('`conflict`: the job is still running or failed'),
      },
    },
    {
      method: 'delete',
      path: Routes.exportJob,
      summary: 'Cancel a running job or remove a finished one with its file',
      responses: { 204: noContent, 401: unauthenticated, 404: errorResponse('No such job of yours') },
    },
  ];
}

/** The Web Annotation Protocol container of each document and the annotation import (docs/W3C.md). */
function w3cRouteDocs(): RouteDoc[] {
  const ld = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
  const documentMissing = errorResponse('No such document in a workspace of yours');
  const annotationMissing = errorResponse('No such annotation of this document visible to you');
  return [
    {
      method: 'get',
      path: Routes.documentW3cContainer,
      summary:
        'The document\'s annotations as a W3C AnnotationCollection (LDP BasicContainer; `/w3c` without the slash answers the same). ' +
        'Content negotiation: JSON-LD with the anno.jsonld profile (default) or application/json. `Prefer: return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"` ' +
        '(or PreferContainedDescriptions, or ldp#PreferMinimalContainer) chooses what is embedded; `?page=N` serves AnnotationPage N (50 per page). ' +
        'Headers: Link (ldp#BasicContainer type, constrainedBy the Protocol), ETag, Allow, Vary: Accept, Prefer, Content-Location, Accept-Post. Positions count Unicode code points.',
      query: W3cContainerQuery,
      responses: {
        200: { description: 'The collection (or a page)', schema: W3cAnnotationCollection, contentType: ld },
        304: { description: 'If-None-Match equals the ETag' },
        401: unauthenticated,
        404: errorResponse('No such document in a workspace of yours, or no such page'),
      },
    },
    {
      method: 'post',
      path: Routes.documentW3cContainer,
      summary:
        'Create an annotation from a W3C annotation (tagging body = tag, commenting body = note), anchored by its selectors on the current revision; `Idempotency-Key` makes retries safe. ' +
        'Answers with Location and ETag',
      body: W3cAnnotation,
      alsoAccepts: [ld],
      responses: {
        201: { description: 'Created', schema: W3cAnnotation, contentType: ld },
        400: errorResponse('Invalid fields (no tagging body with claim/opinion/data, no selector, a source naming another document)'),
        401: unauthenticated,
        403: errorResponse('`forbidden`: a role that cannot annotate; or `csrf_failed`'),
        404: documentMissing,
        422: errorResponse('The quote does not occur in the current revision'),
      },
    },
    {
      method: 'get',
      path: Routes.documentW3cAnnotation,
      summary: 'One annotation as W3C JSON-LD; `ETag` holds its version',
      responses: { 200: { description: 'The annotation', schema: W3cAnnotation, contentType: ld }, 401: unauthenticated, 404: annotationMissing },
    },
    {
      method: 'put',
      path: Routes.documentW3cAnnotation,
      summary: 'Replace tag, note and extent from a W3C annotation; `If-Match` with the ETag is required',
      body: W3cAnnotation,
      alsoAccepts: [ld],
      responses: {
        200: { description: 'The annotation', schema: W3cAnnotation, contentType: ld },
        400: errorResponse('Invalid fields'),
        401: unauthenticated,
        403: errorResponse('`forbidden`: not the author; or `csrf_failed`'),
        404: annotationMissing,
        412: errorResponse('`precondition_failed`: If-Match is stale (currentVersion says the version now)'),
        422: errorResponse('The quote does not occur in the current revision'),
        428: errorResponse('`precondition_required`: no If-Match'),
      },
    },
    {
      method: 'delete',
      path: Routes.documentW3cAnnotation,
      summary: 'Delete an annotation (restorable through /annotations/:id/restore); `If-Match` with the ETag is required',
      responses: {
        204: noContent,
        401: unauthenticated,
        403: errorResponse('`forbidden`: neither the author nor a workspace admin; or `csrf_failed`'),
        404: annotationMissing,
        412: errorResponse('`precondition_failed`: If-Match is stale'),
        428: errorResponse('`precondition_required`: no If-Match'),
      },
    },
    {
      method: 'post',
      path: Routes.workspaceImport,
      summary:
        'Import annotations, all or nothing: a W3C AnnotationCollection / AnnotationPage / Annotation / array of Annotations, or a Glossa JSON export, ' +
        'bare or as `{data, documentId?, documentMap?}` (see ImportEnvelope). Each is anchored by its selectors on its target document\'s current revision ' +
        '(quote first; unmatched → detached), gets a new id and the importer as author; the original creator stays in the annotation.created event',
      query: ImportQuery,
      body: ImportEnvelope,
      alsoAccepts: [ld],
      responses: {
        201: { description: 'Imported', schema: ImportResult },
        400: errorResponse('Invalid items, with the path of each (e.g. `data.first.items.3.body`); nothing stored'),
        401: unauthenticated,
        403: errorResponse('`forbidden`: a role that cannot annotate; or `csrf_failed`'),
        404: errorResponse('No such workspace among yours, or a documentId / documentMap target that is not one of its documents'),
        413: errorResponse('The body is larger than the JSON limit'),
      },
    },
  ];
}
