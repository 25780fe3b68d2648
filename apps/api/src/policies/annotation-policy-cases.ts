// Expected annotation abilities per role, authorship and visibility (docs/ANNOTATIONS.md shows them).
import type { AnnotationVisibility, Role } from '@glossa/contracts';

export interface AnnotationAbilityCase {
  role: Role | null;
  author: boolean;
  visibility: AnnotationVisibility;
  see: boolean;
  edit: boolean;
  delete: boolean;
}

export const annotationAbilityCases: AnnotationAbilityCase[] = [
  { role: 'analyst', author: true, visibility: 'shared', see: true, edit: true, delete: true },
  { role: 'analyst', author: true, visibility: 'private', see: true, edit: true, delete: true },
  { role: 'analyst', author: false, visibility: 'shared', see: true, edit: false, delete: false },
  { role: 'analyst', author: false, visibility: 'private', see: false, edit: false, delete: false },
  { role: 'reviewer', author: false, visibility: 'shared', see: true, edit: false, delete: false },
  { role: 'admin', author: false, visibility: 'shared', see: true, edit: false, delete: true },
  { role: 'owner', author: false, visibility: 'shared', see: true, edit: false, delete: true },
  { role: 'owner', author: false, visibility: 'private', see: false, edit: false, delete: false },
  // A demoted author still sees their annotation but may no longer change it.
  { role: 'viewer', author: true, visibility: 'shared', see: true, edit: false, delete: false },
  { role: 'viewer', author: false, visibility: 'shared', see: true, edit: false, delete: false },
  { role: null, author: true, visibility: 'shared', see: false, edit: false, delete: false },
];
