import { once } from "@/lib/client/once";

// Made on first use (lib/client/once.ts): every segment tab imports this module, few use every formatter.
const integer = once(() => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }));
const decimal = once(() => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }));
// Times are written in UTC and say so. The server renders each page's first screen: in the browser's own time
// zone the same element would read differently after hydration (React's error #418, then the whole page
// rendered again in the browser), and the analytics' days are UTC days too.
const utcDateTime = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
} as const;
const dateTime = once(() => new Intl.DateTimeFormat("en-US", utcDateTime));
const dateTimeToSecond = once(() => new Intl.DateTimeFormat("en-US", { ...utcDateTime, second: "2-digit" }));
const shortDate = once(
  () => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }),
);

export const formatInteger = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : integer().format(value);

export const formatDecimal = (value: number | null | undefined) =>
  value === null || value === undefined ? "–" : decimal().format(value);

/** Formats a percentage already expressed as 0..100 (the API's engagement_rate). */
export const formatPercent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${value.toFixed(digits)}%`;

/** Formats a share expressed as 0..1 (rates, probabilities) as a percentage. */
export const formatShare = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? "–" : `${(value * 100).toFixed(digits)}%`;

/** "Oct 18, 2026, 2:11 AM UTC"; "never" when there is no time. */
export const formatDateTime = (value: string | null | undefined) =>
  value ? dateTime().format(new Date(value)) : "never";

/** "Oct 18, 2026, 2:11:05 AM UTC": for logs, where the order within a minute matters. */
export const formatDateTimeToSecond = (value: string) => dateTimeToSecond().format(new Date(value));

/** Analytics dates are calendar days ("2026-11-20"); shown in UTC so that they do not shift by a day. */
export const formatDay = (value: string) =>
  shortDate().format(new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

export function formatPValue(value: number | null | undefined) {
  if (value === null || value === undefined) return "–";
  return value < 0.001 ? "< 0.001" : value.toFixed(3);
}
