// Words and dates the review memo uses (Markdown and DOCX alike), so both read the same.
import type { AnnotationStatus, AnnotationTag, FlagStatus, Severity } from '@glossa/contracts';

export const TAG_LABEL: Record<AnnotationTag, string> = { claim: 'Claim', opinion: 'Opinion', data: 'Data' };
export const STATUS_LABEL: Record<AnnotationStatus, string> = { draft: 'Draft', submitted: 'Submitted', accepted: 'Accepted', rejected: 'Rejected' };
export const FLAG_STATUS_LABEL: Record<FlagStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  resolved: 'Resolved',
};
export const SEVERITY_LABEL: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** `2026-02-10`: the memo names days; the JSON and CSV exports keep full timestamps. */
export function day(iso: string | Date): string {
  return (typeof iso === 'string' ? iso : iso.toISOString()).slice(0, 10);
}

/** `2026-02-10 14:03 UTC`. */
export function minute(iso: string | Date): string {
  const text = typeof iso === 'string' ? iso : iso.toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

export function tagCounts(counts: Record<AnnotationTag, number>): string {
  return (Object.keys(TAG_LABEL) as AnnotationTag[]).map((tag) => `${TAG_LABEL[tag]} ${counts[tag]}`).join(' · ');
}

export const POSITION_UNIT_NOTE = 'Positions count Unicode code points of the revision\u2019s canonical text.';
export const DETACHED_NOTE = 'These annotations no longer match the current text of their document; they are kept with their last known quote.';
