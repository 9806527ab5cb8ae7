/** One CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record; RFC 4180 ends every record with CRLF. */
export function csvRecord(values: readonly Parameters<typeof csvField>[0][]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
