// Without zod, unlike ./input-guards, which re-exports these: the criteria builder checks dates in the browser
// with the parser the API uses (lib/criteria/parse-criteria.ts), and zod would ship with it.

/** Dates between these years: PostgreSQL refuses year 0 and JavaScript's extremes (±271821). */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** Whether an instant lies in the years both PostgreSQL and JavaScript can store and compare. */
export function isStorableInstant(time: number): boolean {
  if (!Number.isFinite(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export const storableInstantMessage = `Must be a date between the years ${MIN_YEAR} and ${MAX_YEAR}`;
