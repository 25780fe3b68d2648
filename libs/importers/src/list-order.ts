// The first number of an ordered list, read from untrusted text (a Markdown marker or an HTML
// `start` attribute such as `1 onmouseover=…`): only plain digits count, anything else is 1.

/** Markdown itself caps list markers at nine digits; HTML gets the same bound. */
const ORDER_PATTERN = /^\s*(\d{1,9})\s*$/;
export const DEFAULT_LIST_ORDER = 1;

export function listOrder(value: string | null | undefined): number {
  const match = value == null ? null : ORDER_PATTERN.exec(value);
  return match ? Number(match[1]) : DEFAULT_LIST_ORDER;
}
