// The annotation abilities table, cell by cell: author or not, private or shared, each role.
import { describe, expect, it } from 'vitest';
import { annotationAbilities, canSeeAnnotation } from './annotation-policy';
import { annotationAbilityCases } from './annotation-policy-cases';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

describe('annotation abilities', () => {
  it.each(annotationAbilityCases)('$role, author=$author, $visibility → see=$see edit=$edit delete=$delete', (c) => {
    const annotation = { authorId: c.author ? ME : OTHER, visibility: c.visibility };
    expect(canSeeAnnotation(c.role, ME, annotation)).toBe(c.see);
    expect(annotationAbilities(c.role, ME, annotation)).toEqual({ edit: c.edit, delete: c.delete });
  });
});
