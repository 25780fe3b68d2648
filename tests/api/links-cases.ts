// Bad link creates and how each must be refused; `ids` builds annotationIds from the suite's
// annotations (a, b live in the workspace; foreign is another workspace's; hidden a colleague's
// private one; gone a deleted one).
import { MAX_RATIONALE_CHARACTERS } from '@glossa/contracts';

export interface LinkIds {
  a: string;
  b: string;
  c: string;
  foreign: string;
  hidden: string;
  gone: string;
  missing: string;
}

export interface BadLinkCase {
  name: string;
  body: (ids: LinkIds) => Record<string, unknown>;
  status: number;
  code: string;
  field?: string;
}

const base = (ids: LinkIds) => ({ type: 'contradicts', annotationIds: [ids.a, ids.b], rationale: 'They disagree' });

export const badLinkCases: BadLinkCase[] = [
  { name: 'one annotation', body: (ids) => ({ ...base(ids), annotationIds: [ids.a] }), status: 400, code: 'validation_failed', field: 'annotationIds' },
  { name: 'no annotations', body: (ids) => ({ ...base(ids), annotationIds: [] }), status: 400, code: 'validation_failed', field: 'annotationIds' },
  { name: 'the same annotation twice', body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.a] }), status: 400, code: 'validation_failed', field: 'annotationIds' },
  { name: 'the same annotation twice, once in capitals', body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.a.toUpperCase()] }), status: 400, code: 'validation_failed', field: 'annotationIds' },
  { name: 'more than 20 annotations', body: (ids) => ({ ...base(ids), annotationIds: Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }), status: 400, code: 'validation_failed', field: 'annotationIds' },
  { name: 'an id that is not a uuid', body: (ids) => ({ ...base(ids), annotationIds: [ids.a, 'nope'] }), status: 400, code: 'validation_failed', field: 'annotationIds.1' },
  { name: 'an empty rationale', body: (ids) => ({ ...base(ids), rationale: '' }), status: 400, code: 'validation_failed', field: 'rationale' },
  { name: 'a blank rationale', body: (ids) => ({ ...base(ids), rationale: '   \n' }), status: 400, code: 'validation_failed', field: 'rationale' },
  { name: 'no rationale', body: (ids) => ({ type: 'contradicts', annotationIds: [ids.a, ids.b] }), status: 400, code: 'validation_failed', field: 'rationale' },
  { name: 'a rationale over the limit', body: (ids) => ({ ...base(ids), rationale: '字'.repeat(MAX_RATIONALE_CHARACTERS + 1) }), status: 400, code: 'validation_failed', field: 'rationale' },
  { name: 'an unknown severity', body: (ids) => ({ ...base(ids), severity: 'critical' }), status: 400, code: 'validation_failed', field: 'severity' },
  { name: 'a severity on a supports link', body: (ids) => ({ ...base(ids), type: 'supports', severity: 'high' }), status: 400, code: 'validation_failed', field: 'severity' },
  { name: 'an unknown type', body: (ids) => ({ ...base(ids), type: 'refutes' }), status: 400, code: 'validation_failed', field: 'type' },
  { name: 'a status set by the client', body: (ids) => ({ ...base(ids), status: 'confirmed' }), status: 400, code: 'validation_failed' },
  { name: "another workspace's annotation", body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.foreign] }), status: 404, code: 'not_found' },
  { name: "another workspace's annotation first", body: (ids) => ({ ...base(ids), annotationIds: [ids.foreign, ids.a] }), status: 404, code: 'not_found' },
  { name: "a colleague's private annotation", body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.hidden] }), status: 404, code: 'not_found' },
  { name: 'a deleted annotation', body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.gone] }), status: 404, code: 'not_found' },
  { name: 'an annotation that does not exist', body: (ids) => ({ ...base(ids), annotationIds: [ids.a, ids.missing] }), status: 404, code: 'not_found' },
];
