// Who may see, edit and delete an annotation, given the caller's workspace role. Returned with
// every annotation as `abilities` so the web app never re-derives them; anything unlisted is no.
import { Action, type AnnotationVisibility, type Role } from '@glossa/contracts';
import { can } from './workspace-policy';

/** Roles that moderate a workspace: they may delete (and restore) anyone's visible annotation. */
const MODERATORS: ReadonlySet<Role> = new Set<Role>(['owner', 'admin']);

export interface AnnotationRef {
  authorId: string;
  visibility: AnnotationVisibility;
}

export interface AnnotationAbilities {
  edit: boolean;
  delete: boolean;
}

/** Private annotations exist only for their author, in every read path. */
export function canSeeAnnotation(role: Role | null, userId: string, annotation: AnnotationRef): boolean {
  return can(role, Action.ReadDocuments) && (annotation.visibility === 'shared' || annotation.authorId === userId);
}

export function annotationAbilities(role: Role | null, userId: string, annotation: AnnotationRef): AnnotationAbilities {
  if (!canSeeAnnotation(role, userId, annotation)) return { edit: false, delete: false };
  // Only the author edits the body, and only while their role still allows annotating.
  const edit = annotation.authorId === userId && can(role, Action.Annotate);
  return { edit, delete: edit || (role !== null && MODERATORS.has(role)) };
}
