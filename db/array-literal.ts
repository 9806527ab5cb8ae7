/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of the values, to send a whole column as one text parameter
 * and cast it in SQL (`${arrayLiteral(ids)}::uuid[]`): the same text on both drivers (PGlite and postgres.js
 * serialise JS arrays differently, and drizzle's `sql` would expand an array into one parameter per value),
 * and cheaper for PostgreSQL to read than the same values inside a JSON document. Every value is quoted, so
 * a string reads back exactly; null and undefined become NULL. An element may itself be an array literal
 * (for a text[] per row, cast per row after unnest, since unnest flattens a two-dimensional array).
 */
export function arrayLiteral(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) parts[i] = "NULL";
    else if (typeof value === "string") parts[i] = `"${quoteElement(value)}"`;
    else parts[i] = `"${String(value)}"`;
  }
  return `{${parts.join(",")}}`;
}

const needsEscape = /["\\]/;

function quoteElement(value: string): string {
  return needsEscape.test(value) ? value.replace(/["\\]/g, "\\$&") : value;
}
