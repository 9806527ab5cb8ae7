/** 100 × part / whole, rounded to two decimals; 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.round((10_000 * part) / whole) / 100;
}
