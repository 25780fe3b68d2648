export { schema, isSafeHref, SAFE_LINK_PROTOCOLS, MAX_HEADING_LEVEL, type NodeName, type MarkName } from './schema';
export { validateDocJson, DEFAULT_DOC_LIMITS, type DocLimits, type DocCheck } from './validate';
