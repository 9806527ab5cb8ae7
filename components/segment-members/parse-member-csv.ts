/** What a CSV of members holds, split by kind of identifier. */
export interface ParsedMemberCsv {
  userIds: string[];
  emails: string[];
  externalIds: string[];
  /** Values that are neither a user id nor an email, in a file without an external_id column. */
  invalid: string[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailPattern = /^[^\s@]+@[^\s@]+$/;

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function parseCsvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ""));
}

const headerNames = ["user_id", "email", "external_id"] as const;

/**
 * Reads user ids and emails from a CSV: either one identifier per line, or a header row naming a
 * `user_id`, `email` or `external_id` column (other columns, such as an export's, are ignored).
 */
export function parseMemberCsv(text: string): ParsedMemberCsv {
  const rows = parseCsvRows(text);
  const header = (rows[0] ?? []).map((cell) => cell.trim().toLowerCase());
  const columns = Object.fromEntries(headerNames.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof headerNames)[number],
    number
  >;
  const hasHeader = headerNames.some((name) => columns[name] >= 0);
  const userIds = new Set<string>();
  const emails = new Set<string>();
  const externalIds = new Set<string>();
  const invalid: string[] = [];

  for (const row of hasHeader ? rows.slice(1) : rows) {
    const cell = (index: number) => (index >= 0 ? (row[index] ?? "").trim() : "");
    if (hasHeader) {
      // One identifier per row is enough; the most specific one wins.
      const userId = cell(columns.user_id);
      const email = cell(columns.email);
      const externalId = cell(columns.external_id);
      if (uuidPattern.test(userId)) userIds.add(userId.toLowerCase());
      else if (emailPattern.test(email)) emails.add(email.toLowerCase());
      else if (externalId) externalIds.add(externalId);
      else if (userId || email) invalid.push(userId || email);
      continue;
    }
    const value = cell(0);
    if (uuidPattern.test(value)) userIds.add(value.toLowerCase());
    else if (emailPattern.test(value)) emails.add(value.toLowerCase());
    else if (value) invalid.push(value);
  }
  return { userIds: [...userIds], emails: [...emails], externalIds: [...externalIds], invalid };
}

export interface IdentifierChunk {
  user_ids?: string[];
  emails?: string[];
  external_ids?: string[];
}

/** Cuts the identifiers into requests of at most `size` identifiers in all (the bulk endpoint's limit). */
export function chunkIdentifiers(parsed: ParsedMemberCsv, size = 10_000): IdentifierChunk[] {
  const all: Array<[keyof IdentifierChunk, string]> = [
    ...parsed.userIds.map((id) => ["user_ids", id] as [keyof IdentifierChunk, string]),
    ...parsed.emails.map((email) => ["emails", email] as [keyof IdentifierChunk, string]),
    ...parsed.externalIds.map((id) => ["external_ids", id] as [keyof IdentifierChunk, string]),
  ];
  const chunks: IdentifierChunk[] = [];
  for (let start = 0; start < all.length; start += size) {
    const chunk: IdentifierChunk = {};
    for (const [kind, value] of all.slice(start, start + size)) {
      const values = chunk[kind] ?? [];
      values.push(value);
      chunk[kind] = values;
    }
    chunks.push(chunk);
  }
  return chunks;
}

export const isUserId = (value: string) => uuidPattern.test(value.trim());
export const isEmail = (value: string) => emailPattern.test(value.trim());
