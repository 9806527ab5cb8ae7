// A text cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
// (OWASP "CSV injection"): a profile's email or external id must not become `=HYPERLINK(...)` in a marketer's
// spreadsheet. Tab and carriage return are on the list because some spreadsheets skip them before parsing.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
 * Text that a spreadsheet would run as a formula gets a leading `'`, which spreadsheets show as text. Numbers
 * and dates are ours (a negative number is a number, not a formula) and stay as they are.
 */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  const raw = value instanceof Date ? value.toISOString() : String(value);
  const text = typeof value === "string" && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record; RFC 4180 ends every record with CRLF. */
export function csvRecord(values: readonly Parameters<typeof csvField>[0][]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
