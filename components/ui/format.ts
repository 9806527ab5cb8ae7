// The dashboard's numbers and times, written without Intl. A page's first Intl formatter or localeCompare makes
// the browser load ICU's locale data on the main thread: 40–80 ms in Chromium on our bench machine, four times
// that on Lighthouse's phone, in the middle of hydration (docs/benchmarks.md). The dashboard is in English and
// its times are UTC, so its few patterns are written here; format.test.ts holds each to Intl's own output.
//
// Times are written in UTC and say so. The server renders each page's first screen: in the browser's own time
// zone the same element would read differently after hydration (React's error #418, then the whole page
// rendered again in the browser), and the analytics' days are UTC days too.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * en-US with at most `maxFractionDigits` decimals and no trailing zeros, as
 * `Intl.NumberFormat("en-US", { maximumFractionDigits })` writes it: "1,234,567.89". Rounds the shortest decimal
 * that reads back as the number (what JavaScript prints), half away from zero, so 1.005 gives "1.01" as in Intl.
 */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  if (Number.isNaN(value)) return "NaN";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}∞`;
  const [whole, fraction] = roundDecimal(plainDigits(Math.abs(value)), maxFractionDigits);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** The digits of a non-negative finite number without an exponent: 1.5e-7 → "0.00000015", 1e21 → "1000…0". */
function plainDigits(value: number): string {
  const text = String(value);
  const exponentAt = text.indexOf("e");
  if (exponentAt < 0) return text;
  const exponent = Number(text.slice(exponentAt + 1));
  const [whole, fraction = ""] = text.slice(0, exponentAt).split(".");
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** "123.456", 2 → ["123", "46"]; rounds half up on the decimal digits and drops trailing zeros. */
function roundDecimal(text: string, fractionDigits: number): [string, string] {
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length <= fractionDigits) return [whole, fraction.replace(/0+$/, "")];
  const kept = whole + fraction.slice(0, fractionDigits);
  const roundUp = fraction.charCodeAt(fractionDigits) >= "5".charCodeAt(0);
  const digits = roundUp ? incrementDigits(kept) : kept;
  // A carry can lengthen the number by one digit (999.96 → 1000.0): the fraction keeps its length.
  const point = digits.length - fractionDigits;
  return [digits.slice(0, point), digits.slice(point).replace(/0+$/, "")];
}

function incrementDigits(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

const COMPACT_UNITS = ["", "K", "M", "B", "T"];

/** "1.2K", "12.3M": `Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 })`, for axes. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return formatNumber(value);
  let unit = 0;
  while (unit < COMPACT_UNITS.length - 1 && Math.abs(value) >= 1000 ** (unit + 1)) unit++;
  let text = formatNumber(value / 1000 ** unit, 1);
  // Rounding can reach the next unit: 999,960 is "1M", not "1,000K".
  if (unit < COMPACT_UNITS.length - 1 && /^-?1,000$/.test(text)) {
    unit++;
    text = formatNumber(value / 1000 ** unit, 1);
  }
  return `${text}${COMPACT_UNITS[unit]}`;
}

function utcDate(value: string | Date): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid time value: ${String(value)}`);
  return date;
}

/** "Oct 18": a calendar day in UTC. */
function monthDay(date: Date) {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "2:11 AM", or "2:11:05 AM" with seconds, in UTC. */
function clockTime(date: Date, withSeconds: boolean) {
  const hours = date.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, "0");
  const seconds = withSeconds ? `:${pad(date.getUTCSeconds())}` : "";
  return `${hours % 12 || 12}:${pad(date.getUTCMinutes())}${seconds} ${hours < 12 ? "AM" : "PM"}`;
}

/** "Oct 18, 2026", in UTC. */
function calendarDate(date: Date) {
  return `${monthDay(date)}, ${date.getUTCFullYear()}`;
}

/** "Oct 18, 2026, 2:11 AM UTC", with seconds if asked. */
function dateTime(value: string, withSeconds: boolean) {
  const date = utcDate(value);
  return `${calendarDate(date)}, ${clockTime(date, withSeconds)} UTC`;
}

/** "Oct 18, 2026": a date in UTC, Intl's `dateStyle: "medium"`. */
export const formatDate = (value: string | Date) => calendarDate(utcDate(value));

export const formatInteger = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : formatNumber(value);

export const formatDecimal = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : formatNumber(value, 2);

/** Formats a percentage already expressed as 0..100 (the API's engagement_rate). */
export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${value.toFixed(digits)}%`;

/** Formats a share expressed as 0..1 (rates, probabilities) as a percentage. */
export const formatShare = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;

/** "Oct 18, 2026, 2:11 AM UTC"; "never" when there is no time. */
export const formatDateTime = (value: string | null | undefined) =>
  value ? dateTime(value, false) : "never";

/** "Oct 18, 2026, 2:11:05 AM UTC": for logs, where the order within a minute matters. */
export const formatDateTimeToSecond = (value: string) => dateTime(value, true);

/** Analytics dates are calendar days ("2026-11-20"); shown in UTC so that they do not shift by a day. */
export const formatDay = (value: string) =>
  monthDay(utcDate(value.length === 10 ? `${value}T00:00:00Z` : value));

export function formatPValue(value: number | null | undefined) {
  if (value === null || value === undefined) return "–";
  return value < 0.001 ? "< 0.001" : value.toFixed(3);
}

/**
 * Orders strings by their UTF-16 code units, the same in every browser and on the server (localeCompare's order
 * depends on the ICU it runs on, and loads ICU's collation data the first time).
 */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
