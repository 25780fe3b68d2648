// Links between annotations (contradicts / supports / same_claim), the review state of a
// contradiction flag, comments with @mentions, and notifications (issue 5).
import { z } from 'zod';
import { AnnotationTag, PersonRef } from './annotations';
import { MAX_COMMENT_CHARACTERS, MAX_LINKED_ANNOTATIONS, MAX_RATIONALE_CHARACTERS } from './limits';

const codePoints = (value: string): number => [...value].length;

export const LINK_TYPES = ['contradicts', 'supports', 'same_claim'] as const;
export const LinkType = z.enum(LINK_TYPES, { error: 'type must be contradicts, supports or same_claim' });
export type LinkType = z.infer<typeof LinkType>;

/** Only `contradicts` links are flags with a review state; docs/REVIEW.md draws the machine. */
export const FLAG_STATUSES = ['open', 'in_review', 'confirmed', 'dismissed', 'resolved'] as const;
export const FlagStatus = z.enum(FLAG_STATUSES);
export type FlagStatus = z.infer<typeof FlagStatus>;

export const Severity = z.enum(['low', 'medium', 'high'], { error: 'severity must be low, medium or high' });
export type Severity = z.infer<typeof Severity>;

export const FLAG_ACTIONS = ['assign', 'confirm', 'dismiss', 'resolve', 'reopen'] as const;
export const FlagAction = z.enum(FLAG_ACTIONS, { error: 'action must be assign, confirm, dismiss, resolve or reopen' });
export type FlagAction = z.infer<typeof FlagAction>;

const Text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be a string` })
    .refine((value) => value.trim().length > 0, `${name} must not be empty`)
    .refine((value) => codePoints(value) <= max, `${name} must be at most ${max} characters`);

export const CreateLinkBody = z
  .strictObject({
    type: LinkType,
    annotationIds: z
      .array(z.uuid({ error: 'annotationIds must hold annotation ids' }), { error: 'annotationIds must be a list of annotation ids' })
      .min(2, 'a link needs at least two annotations')
      .max(MAX_LINKED_ANNOTATIONS, `a link holds at most ${MAX_LINKED_ANNOTATIONS} annotations`)
      .transform((ids) => ids.map((id) => id.toLowerCase()))
      .refine((ids) => new Set(ids).size === ids.length, 'the same annotation is listed twice'),
    rationale: Text('rationale', MAX_RATIONALE_CHARACTERS),
    severity: Severity.optional(),
  })
  .refine((body) => body.severity === undefined || body.type === 'contradicts', { path: ['severity'], message: 'severity applies to contradicts links only' });
export type CreateLinkBody = z.infer<typeof CreateLinkBody>;

export const TransitionBody = z
  .strictObject({
    action: FlagAction,
    note: Text('note', MAX_RATIONALE_CHARACTERS).optional(),
    assigneeId: z.uuid({ error: 'assigneeId must be a user id' }).optional(),
  })
  .refine((body) => body.action !== 'resolve' || body.note !== undefined, { path: ['note'], message: 'resolve needs a resolution note' })
  .refine((body) => body.action !== 'assign' || body.assigneeId !== undefined, { path: ['assigneeId'], message: 'assign needs an assigneeId' })
  .refine((body) => body.action === 'assign' || body.assigneeId === undefined, { path: ['assigneeId'], message: 'assigneeId goes with assign only' });
export type TransitionBody = z.infer<typeof TransitionBody>;

export const LinkedPassage = z.object({
  id: z.uuid(),
  documentId: z.uuid(),
  documentTitle: z.string(),
  /** The last quote, also after the annotation was deleted; empty when it is someone else's private one. */
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  tag: AnnotationTag,
  deleted: z.boolean(),
  author: PersonRef,
});
export type LinkedPassage = z.infer<typeof LinkedPassage>;

export const Link = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  type: LinkType,
  /** Null for supports / same_claim: they need no review. */
  status: FlagStatus.nullable(),
  severity: Severity.nullable(),
  rationale: z.string(),
  annotations: z.array(LinkedPassage),
  raisedBy: PersonRef,
  assignee: PersonRef.nullable(),
  /** The note of the last `resolve`. */
  resolution: z.string().nullable(),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  /** The ETag is this number in quotes; transitions send it back in If-Match. */
  version: z.number().int(),
  abilities: z.object({ transition: z.array(FlagAction), comment: z.boolean() }),
});
export type Link = z.infer<typeof Link>;

export const LinkList = z.object({ items: z.array(Link) });
export type LinkList = z.infer<typeof LinkList>;

export const CreateCommentBody = z.strictObject({
  body: Text('body', MAX_COMMENT_CHARACTERS),
  parentId: z.uuid({ error: 'parentId must be a comment id' }).optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const Comment = z.object({
  id: z.uuid(),
  /** Markdown as written; clients render it sanitized. */
  body: z.string(),
  author: PersonRef,
  created: z.iso.datetime(),
  parentId: z.uuid().nullable(),
  mentions: z.array(PersonRef),
});
export type Comment = z.infer<typeof Comment>;

/** Oldest first; threads are rebuilt from parentId. */
export const CommentList = z.object({ items: z.array(Comment) });
export type CommentList = z.infer<typeof CommentList>;

export const NotificationType = z.enum(['mention', 'decision']);
export type NotificationType = z.infer<typeof NotificationType>;

export const Notification = z.object({
  id: z.uuid(),
  type: NotificationType,
  linkId: z.uuid().optional(),
  annotationId: z.uuid().optional(),
  commentId: z.uuid().optional(),
  actor: PersonRef.nullable(),
  at: z.iso.datetime(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z.object({ items: z.array(Notification), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;

export const MarkNotificationsReadBody = z.strictObject({
  ids: z.array(z.uuid({ error: 'ids must hold notification ids' })).min(1, 'ids must not be empty').max(500, 'at most 500 ids at once'),
});
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBody>;

export const LinkEventType = z.enum(['link.created', 'link.transitioned']);
export type LinkEventType = z.infer<typeof LinkEventType>;

/** One line of a link's audit trail: who did what, when, and why (from the event log). */
export const LinkHistoryEntry = z.object({
  seq: z.number().int(),
  type: LinkEventType,
  actor: PersonRef.nullable(),
  at: z.iso.datetime(),
  /** created: the initial fields; transitioned: `{action, from, to, note, assigneeId?}`. */
  changes: z.record(z.string(), z.unknown()),
});
export type LinkHistoryEntry = z.infer<typeof LinkHistoryEntry>;

export const LinkHistory = z.object({ items: z.array(LinkHistoryEntry) });
export type LinkHistory = z.infer<typeof LinkHistory>;
