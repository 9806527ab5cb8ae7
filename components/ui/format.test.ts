import { describe, expect, it } from "vitest";
import {
  compareText,
  formatCompact,
  formatDate,
  formatDateTime,
  formatDateTimeToSecond,
  formatDay,
  formatNumber,
} from "./format";

// Intl is the oracle: the hand-written formats must write what it writes (with a plain space where newer ICU
// puts a narrow no-break one before AM/PM).
const plainSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

/** A fixed pseudo-random sequence, so that a failure names a value that fails again. */
function* sample(count: number, seed = 7) {
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    yield state / 2 ** 31;
  }
}

const awkward = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  2.5,
  -2.5,
  1.005,
  2.675,
  0.125,
  0.0005,
  0.049,
  0.05,
  0.95,
  9.995,
  99.95,
  999.5,
  999.95,
  999.96,
  1000,
  1234.5678,
  99999.95,
  999999.5,
  999960,
  999_999_999,
  1e15,
  1e21,
  1.2345e21,
  1.5e-7,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  -123456.789,
  0.1 + 0.2,
  1 / 3,
  2 / 3,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];
const randomNumbers = [...sample(400)].map((r, i) => (r - 0.3) * 10 ** ((i % 14) - 4));

describe("formatNumber", () => {
  it.each([0, 1, 2, 3])("writes what Intl writes with at most %i decimals", (digits) => {
    const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits });
    for (const value of [...awkward, ...randomNumbers]) {
      expect(formatNumber(value, digits), String(value)).toBe(intl.format(value));
    }
  });

  it("defaults to whole numbers with thousands separators", () => {
    expect(formatNumber(298518)).toBe("298,518");
    expect(formatNumber(-1234567.5)).toBe("-1,234,568");
  });
});

describe("formatCompact", () => {
  it("writes what Intl's compact notation writes with at most one decimal", () => {
    const intl = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
    const values = [...awkward.filter((value) => Math.abs(value) < 1e15), ...randomNumbers];
    for (const value of values) expect(formatCompact(value), String(value)).toBe(intl.format(value));
  });

  it("moves to the next unit when rounding reaches it", () => {
    expect(formatCompact(999_960)).toBe("1M");
    expect(formatCompact(1_250)).toBe("1.3K");
  });
});

describe("dates and times in UTC", () => {
  const base: Intl.DateTimeFormatOptions = { timeZone: "UTC" };
  const minute: Intl.DateTimeFormatOptions = {
    ...base,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  };
  const times = [
    "2026-10-18T02:11:05.123Z",
    "2026-01-01T00:00:00Z",
    "2026-12-31T12:00:59Z",
    "2026-06-15T23:59:59.999Z",
    "1999-02-28T13:05:00Z",
    ...[...sample(200, 11)].map((r) =>
      new Date(Date.UTC(2000, 0, 1) + r * 40 * 365 * 86_400_000).toISOString(),
    ),
  ];

  it("writes Intl's dates, date-times and days", () => {
    const toMinute = new Intl.DateTimeFormat("en-US", { ...minute, timeZoneName: "short" });
    const toSecond = new Intl.DateTimeFormat("en-US", {
      ...minute,
      second: "2-digit",
      timeZoneName: "short",
    } as const);
    const medium = new Intl.DateTimeFormat("en-US", { ...base, dateStyle: "medium" });
    const day = new Intl.DateTimeFormat("en-US", { ...base, month: "short", day: "numeric" });
    for (const time of times) {
      const date = new Date(time);
      expect(formatDateTime(time), time).toBe(plainSpaces(toMinute.format(date)));
      expect(formatDateTimeToSecond(time), time).toBe(plainSpaces(toSecond.format(date)));
      expect(formatDate(time), time).toBe(medium.format(date));
      expect(formatDay(time.slice(0, 10)), time).toBe(day.format(date));
    }
  });

  it("says never for a missing time and refuses an invalid one", () => {
    expect(formatDateTime(null)).toBe("never");
    expect(() => formatDateTime("not a time")).toThrow(RangeError);
  });
});

describe("compareText", () => {
  it("orders by code units, the same wherever it runs", () => {
    expect(["b", "B", "a", "A", "10", "9"].sort(compareText)).toEqual(["10", "9", "A", "B", "a", "b"]);
    expect(compareText("x", "x")).toBe(0);
  });
});
