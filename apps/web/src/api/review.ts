// HTTP calls for links between annotations, the review queue, comments on links, decisions on
// submitted annotations, annotation search and notifications (issue 5, docs/REVIEW.md).
import {
  Annotation,
  AnnotationSearchResult,
  Comment,
  CommentList,
  Link,
  LinkHistory,
  LinkList,
  NotificationList,
  ReviewQueue,
  Routes,
  type AnnotationTag,
  type FlagAction,
  type LinkType,
  type QueueStatus,
  type Severity,
} from '@glossa/contracts';
import { apiRequest, fillPath } from './client';
import { versionTag } from './annotations';

export {
  FLAG_ACTIONS,
  FLAG_STATUSES,
  LINK_TYPES,
  type AnnotationInContext,
  type Comment,
  type FlagAction,
  type FlagStatus,
  type Link,
  type LinkedPassage,
  type LinkType,
  type Notification,
  type NotificationList,
  type QueueCounts,
  type QueueItem,
  type QueueStatus,
  type ReviewQueue,
  type Severity,
} from '@glossa/contracts';

export interface SearchFilters {
  q: string;
  tag?: AnnotationTag;
  documentId?: string;
  authorId?: string;
}

export function searchAnnotations(filters: SearchFilters, signal?: AbortSignal): Promise<AnnotationSearchResult> {
  return apiRequest(Routes.annotationSearch, AnnotationSearchResult, { query: { ...filters }, signal });
}

export interface CreateLinkInput {
  type: LinkType;
  annotationIds: string[];
  rationale: string;
  severity?: Severity;
}

export function createLink(input: CreateLinkInput): Promise<Link> {
  return apiRequest(Routes.links, Link, { method: 'POST', json: input });
}

export function getLink(id: string, signal?: AbortSignal): Promise<Link> {
  return apiRequest(fillPath(Routes.link, { id }), Link, { signal });
}

export function annotationLinks(id: string, signal?: AbortSignal): Promise<LinkList> {
  return apiRequest(fillPath(Routes.annotationLinks, { id }), LinkList, { signal });
}

export interface TransitionInput {
  action: FlagAction;
  note?: string;
  assigneeId?: string;
}

export function transitionLink(id: string, version: number, input: TransitionInput): Promise<Link> {
  return apiRequest(fillPath(Routes.linkTransitions, { id }), Link, { method: 'POST', json: input, headers: { 'If-Match': versionTag(version) } });
}

export function linkComments(id: string, signal?: AbortSignal): Promise<CommentList> {
  return apiRequest(fillPath(Routes.linkComments, { id }), CommentList, { signal });
}

export function linkHistory(id: string, signal?: AbortSignal): Promise<LinkHistory> {
  return apiRequest(fillPath(Routes.linkHistory, { id }), LinkHistory, { signal });
}

export function addLinkComment(id: string, body: string, parentId?: string): Promise<Comment> {
  return apiRequest(fillPath(Routes.linkComments, { id }), Comment, { method: 'POST', json: parentId ? { body, parentId } : { body } });
}

export interface QueueFilters {
  status?: QueueStatus;
  severity?: Severity;
  documentId?: string;
  tag?: AnnotationTag;
  assigneeId?: string;
  raisedBy?: string;
  limit?: number;
}

export function reviewQueue(filters: QueueFilters, cursor: string | undefined, signal?: AbortSignal): Promise<ReviewQueue> {
  return apiRequest(Routes.reviewQueue, ReviewQueue, { query: { ...filters, cursor }, signal });
}

export function submitAnnotation(id: string): Promise<Annotation> {
  return apiRequest(fillPath(Routes.annotationSubmit, { id }), Annotation, { method: 'POST' });
}

export function decideAnnotation(id: string, version: number, decision: 'accept' | 'reject', comment?: string): Promise<Annotation> {
  return apiRequest(fillPath(Routes.annotationDecision, { id }), Annotation, {
    method: 'POST',
    json: comment ? { decision, comment } : { decision },
    headers: { 'If-Match': versionTag(version) },
  });
}

export function notifications(signal?: AbortSignal): Promise<NotificationList> {
  return apiRequest(Routes.notifications, NotificationList, { signal });
}

export function markNotificationsRead(ids: string[]): Promise<NotificationList> {
  return apiRequest(Routes.notificationsRead, NotificationList, { method: 'POST', json: { ids } });
}
