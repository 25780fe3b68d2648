// Neutralizes spreadsheet formula injection (SECURITY.md E1, OWASP "CSV injection"): a text cell
// starting with = + - @ TAB CR or NUL gets a leading single quote, so no program evaluates it.
const FORMULA_START = /^[=+\-@\t\r\0]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
