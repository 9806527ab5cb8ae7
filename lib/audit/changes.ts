import { MAX_FREE_FORM_BYTES } from "@/lib/api/input-guards";

export type FieldChange = { before: unknown; after: unknown };
export type Changes = Record<string, FieldChange>;

/**
 * One value in an entry holds at most this much JSON; a longer one (a big criteria tree, traits) is stored as
 * `{omitted: true, bytes, items?}`. With the whole entry capped at the free-form limit (16 KB, as for the
 * request fields in lib/api/input-guards.ts), the log cannot grow by more than that per write however big
 * the change, and never holds a full list of values.
 */
export const MAX_VALUE_BYTES = 2 * 1024;
export const MAX_CHANGES_BYTES = MAX_FREE_FORM_BYTES;

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value ?? null)).byteLength;

function omitted(value: unknown): unknown {
  return { omitted: true, bytes: bytesOf(value), ...(Array.isArray(value) ? { items: value.length } : {}) };
}

function boundedValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return bytesOf(value) > MAX_VALUE_BYTES ? omitted(value) : value;
}

/** Every value bounded; past the entry's cap, the largest values are replaced by their summary first. */
export function boundChanges(changes: Changes): Changes {
  const bounded: Changes = Object.fromEntries(
    Object.entries(changes).map(([field, change]) => [
      field,
      { before: boundedValue(change.before), after: boundedValue(change.after) },
    ]),
  );
  const cells = Object.entries(bounded)
    .flatMap(([field]) => (["before", "after"] as const).map((side) => ({ field, side })))
    .sort((a, b) => bytesOf(bounded[b.field][b.side]) - bytesOf(bounded[a.field][a.side]));
  for (const cell of cells) {
    if (bytesOf(bounded) <= MAX_CHANGES_BYTES) break;
    bounded[cell.field][cell.side] = omitted(bounded[cell.field][cell.side]);
  }
  return bounded;
}

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

/** Dates as ISO strings and object keys sorted, so that equal values compare equal whatever their key order. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, normalise(v)]),
    );
  }
  return value ?? null;
}

/** The fields of `patch` whose value differs between `before` and `after` (the rows around an update). */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (!same(before[field], after[field])) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

/** A created resource: each named field from nothing to its value (null values left out). */
export function createdFields(row: Record<string, unknown>, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (row[field] !== null && row[field] !== undefined) changes[field] = { before: null, after: row[field] };
  }
  return changes;
}

/** A deleted resource: each named field from its value to nothing. */
export function deletedFields(row: Record<string, unknown>, fields: readonly string[]): Changes {
  const changes: Changes = {};
  for (const field of fields) {
    if (row[field] !== null && row[field] !== undefined) changes[field] = { before: row[field], after: null };
  }
  return changes;
}
