import { z } from "zod";

/**
 * The refinements every request goes through, in one place: the walk that rejects NUL characters and
 * runaway nesting anywhere in a body or query (PostgreSQL cannot store U+0000 in text or jsonb, and a
 * deep document overflows the stack of whatever serialises it next), the cap on free-form JSON fields,
 * and the range of dates PostgreSQL and JavaScript agree on.
 */

/** Deeper than any body the API defines (criteria nest 6 levels, two JSON levels each): an attack. */
export const MAX_BODY_DEPTH = 32;
/** Free-form JSON fields (traits, metadata, attributes, properties, assignment_reason). */
export const MAX_FREE_FORM_BYTES = 16 * 1024;
export const MAX_FREE_FORM_DEPTH = 8;
/** Dates between these years: PostgreSQL refuses year 0 and JavaScript's extremes (±271821). */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

const NUL = "\u0000";

type Path = (string | number)[];

interface InputIssue {
  path: Path;
  message: string;
}

/**
 * The first NUL character (in a key or a string) or the first place nesting passes `maxDepth`. Iterative,
 * so that a hostile document cannot overflow the stack of the check itself.
 */
export function findUnsafeValue(value: unknown, maxDepth = MAX_BODY_DEPTH): InputIssue | undefined {
  const stack: { value: unknown; path: Path; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: Path; depth: number };
    if (typeof item.value === "string") {
      if (item.value.includes(NUL)) return { path: item.path, message: "Must not contain NUL characters" };
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= maxDepth) {
      return { path: item.path, message: `JSON may nest at most ${maxDepth} levels deep` };
    }
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof key === "string" && key.includes(NUL)) {
        return {
          path: [...item.path, key.replaceAll(NUL, "\\u0000")],
          message: "Keys must not contain NUL characters",
        };
      }
      stack.push({ value: child, path: [...item.path, key], depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** Any JSON a request may carry: no NUL character anywhere, no nesting past MAX_BODY_DEPTH. */
export const safeJsonInput = z.unknown().superRefine((value, ctx) => {
  const issue = findUnsafeValue(value);
  if (issue) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

/** Bytes of the value as stored (UTF-8 JSON), or Infinity when it does not serialise. */
function jsonBytes(value: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(value) ?? "").byteLength;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * A free-form JSON object: at most 16 KB serialised and 8 levels deep, without NUL characters, so that
 * a small request cannot write (and every list then return) megabytes per row.
 */
export function freeFormObject() {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const issue = findUnsafeValue(value, MAX_FREE_FORM_DEPTH);
    if (issue) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return;
    }
    if (jsonBytes(value) > MAX_FREE_FORM_BYTES) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_FREE_FORM_BYTES} bytes of JSON` });
    }
  });
}

/** Whether an instant lies in the years both PostgreSQL and JavaScript can store and compare. */
export function isStorableInstant(time: number): boolean {
  if (!Number.isFinite(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export const storableInstantMessage = `Must be a date between the years ${MIN_YEAR} and ${MAX_YEAR}`;
