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

// The same fields written by PostgreSQL: the export's SELECT formats each value the way csvField does and
// lets COPY … (FORMAT csv) quote them (it quotes exactly the fields holding a comma, a quote, CR or LF, and
// doubles quotes, as csvField does). The arguments are column references written in our code, never input.
// Tests compare these with csvField on both databases (members-csv-sql.test.ts).

/** The characters of FORMULA_START, as SQL: `chr` keeps tab and CR readable. */
const formulaStartSql = "('=', '+', '-', '@', chr(9), chr(13))";

/**
 * A text column as csvField writes it: a leading `'` before a formula, and an empty text as NULL, because
 * COPY writes NULL as nothing and '' as `""` where csvField writes nothing for both.
 */
export function csvTextSql(column: string): string {
  return `nullif(case when left(${column}, 1) in ${formulaStartSql} then '''' || ${column} else ${column} end, '')`;
}

/**
 * A double precision column as JavaScript's String(number) writes it. PostgreSQL's shortest round-trip
 * output (extra_float_digits > 0, set by the export) has the same digits; only where each switches to an
 * exponent differs: PostgreSQL below 1e-4 and from 1e15, JavaScript below 1e-6 and from 1e21, and
 * PostgreSQL pads the exponent to two digits (1e-07, JavaScript 1e-7). -0 is "0" in JavaScript. The common
 * case (0, and 1e-4 up to 1e15) is the plain text; the rest is rebuilt from the exponent form.
 */
export function csvNumberSql(column: string): string {
  const digits = "coalesce(e[3], '')";
  const exponent = "e[5]::int";
  return `case when ${column} = 0 then '0'
    when abs(${column}) >= 1e-4::float8 and abs(${column}) < 1e15::float8 then ${column}::text
    else (select case
      when e is null then ${column}::text
      when e[4] = '-' and ${exponent} <= 6
        then e[1] || '0.' || repeat('0', ${exponent} - 1) || e[2] || ${digits}
      when e[4] = '+' and ${exponent} <= 20 and length(${digits}) <= ${exponent}
        then e[1] || e[2] || ${digits} || repeat('0', ${exponent} - length(${digits}))
      when e[4] = '+' and ${exponent} <= 20
        then e[1] || e[2] || left(${digits}, ${exponent}) || '.' || substr(${digits}, ${exponent} + 1)
      else e[1] || e[2] || coalesce('.' || e[3], '') || 'e' || e[4] || ${exponent}::text
    end from regexp_match(${column}::text, '^(-?)(\\d)(?:\\.(\\d+))?e([+-])(\\d+)$') as e)
  end`;
}

/** A timestamptz column as Date.toISOString writes it: UTC, milliseconds (truncated, as a Date holds them). */
export function csvTimestampSql(column: string): string {
  return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
