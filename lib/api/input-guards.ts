import { z } from "zod";

export { isStorableInstant, MAX_YEAR, MIN_YEAR, storableInstantMessage } from "./storable-instant";

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

const NUL = "\u0000";

type Path = (string | number)[];

interface InputIssue {
  path: Path;
  message: string;
}

/**
 * The first NUL character (in a key or a string) or the first place nesting passes `maxDepth`, in document
 * order. Every request body goes through it (a bulk import has 10,000 profiles, some 200,000 values), so it
 * allocates nothing while it walks: the path is built on the way back, only when an issue is found. It
 * recurses, but never deeper than `maxDepth` + 1 frames: a deeper document is refused at that depth, so a
 * hostile one cannot overflow the stack of the check itself.
 */
export function findUnsafeValue(value: unknown, maxDepth = MAX_BODY_DEPTH): InputIssue | undefined {
  return visit(value, 0, maxDepth);
}

function visit(value: unknown, depth: number, maxDepth: number): InputIssue | undefined {
  if (typeof value === "string") {
    return value.includes(NUL) ? { path: [], message: "Must not contain NUL characters" } : undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  if (depth >= maxDepth) return { path: [], message: `JSON may nest at most ${maxDepth} levels deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const issue = visit(value[i], depth + 1, maxDepth);
      if (issue) {
        issue.path.unshift(i);
        return issue;
      }
    }
    return undefined;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key.includes(NUL)) {
      return { path: [key.replaceAll(NUL, "\\u0000")], message: "Keys must not contain NUL characters" };
    }
    const issue = visit((value as Record<string, unknown>)[key], depth + 1, maxDepth);
    if (issue) {
      issue.path.unshift(key);
      return issue;
    }
  }
  return undefined;
}

/** Any JSON a request may carry: no NUL character anywhere, no nesting past MAX_BODY_DEPTH. */
export const safeJsonInput = z.unknown().superRefine((value, ctx) => {
  const issue = findUnsafeValue(value);
  if (issue) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

const utf8 = new TextEncoder();

/** Whether the value as stored (UTF-8 JSON) fits in `maxBytes`; a value that does not serialise never does. */
function fitsJsonBytes(value: unknown, maxBytes: number): boolean {
  let text: string;
  try {
    text = JSON.stringify(value) ?? "";
  } catch {
    return false;
  }
  // A UTF-16 code unit takes 1 to 3 bytes in UTF-8: only a text between the two bounds is encoded.
  if (text.length * 3 <= maxBytes) return true;
  if (text.length > maxBytes) return false;
  return utf8.encode(text).byteLength <= maxBytes;
}

/**
 * A free-form JSON object: at most 16 KB serialised and 8 levels deep, without NUL characters, so that
 * a small request cannot write (and every list then return) megabytes per row.
 */
export function freeFormObject(maxBytes = MAX_FREE_FORM_BYTES) {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const issue = findUnsafeValue(value, MAX_FREE_FORM_DEPTH);
    if (issue) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return;
    }
    if (!fitsJsonBytes(value, maxBytes)) {
      ctx.addIssue({ code: "custom", message: `At most ${maxBytes} bytes of JSON` });
    }
  });
}
