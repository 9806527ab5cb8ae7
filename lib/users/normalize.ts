/**
 * How profile values are stored, so that criteria can compare them exactly: country codes upper case
 * with UK folded into GB (ISO 3166-1 says GB; marketers say UK), tags and categories trimmed and lower case.
 */
export function normalizeCountryCode(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper === "UK" ? "GB" : upper;
}

export function normalizeTag(value: string): string {
  return value.trim().toLowerCase();
}

/** Trimmed, lower case, without duplicates or empty strings, in first-seen order. */
export function normalizeTags(values: readonly string[]): string[] {
  return [...new Set(values.map(normalizeTag).filter((value) => value.length > 0))];
}

export const engagementLevels = ["low", "medium", "high"] as const;
export const engagementFrequencies = ["daily", "weekly", "monthly", "rarely"] as const;
