import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { SeededRandom } from "@/db/seed/random";
import { forecastSchema } from "@/lib/forecast/schemas";
import {
  addMembers,
  createSegmentFixture,
  dayString,
  daysAgo,
  insertPersonalizedContent,
  insertUsers,
} from "../support/analytics-fixtures";
import { api } from "../support/api";

const MISSING = "00000000-0000-4000-8000-000000000000";
const WEEK = [30, 40, 45, 40, 35, -60, -130];

/** Day index t = 0 is `days` days ago; views follow 400 + 3t + a weekly pattern (by weekday) + noise. */
function plantedViews(days: number, seed: number) {
  const random = new SeededRandom(seed);
  return Array.from({ length: days }, (_, t) => {
    const weekday = daysAgo(days - t).getUTCDay();
    const noise = (random.next() + random.next() + random.next() - 1.5) * 20;
    return Math.round(400 + 3 * t + WEEK[weekday] + noise);
  });
}

/** A segment whose one content item has `days` complete days of planted daily figures, ending yesterday. */
async function segmentWithHistory(days: number, seed = 1) {
  const segment = await createSegmentFixture("Forecast");
  const item = await insertPersonalizedContent(segment.id);
  const views = plantedViews(days, seed);
  const db = await getDb();
  const rows = views.map((value, t) => ({
    day: dayString(days - t),
    views: value,
    engagements: Math.round(value * 0.2),
    conversions: Math.round(value * 0.03),
  }));
  await db.execute(sql`
    insert into content_performance_daily (personalized_content_id, day, views, engagements, conversions)
    select ${item}::uuid, r.day::date, r.views, r.engagements, r.conversions
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(day text, views int, engagements int, conversions int)`);
  return { segment, views };
}

async function getForecast(segmentId: string, query: string) {
  const res = await api("GET", `/api/v1/segments/${segmentId}/forecast${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const body = forecastSchema.parse(res.body);
  expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity|null,"upper/);
  return body;
}

// Each test builds a small population and fits models: generous on a loaded machine.
describe("GET /api/v1/segments/{id}/forecast", { timeout: 120_000 }, () => {
  it("forecasts a known trend and weekly season and beats the seasonal-naive baseline", async () => {
    const { segment, views } = await segmentWithHistory(84);
    const body = await getForecast(segment.id, "?metric=views&horizon=14");
    expect(body.history).toHaveLength(84);
    expect(body.history.map((point) => point.value)).toEqual(views);
    expect(body.history.at(-1)?.date).toBe(dayString(1));
    expect(body.forecast).toHaveLength(14);
    expect(body.forecast[0].date).toBe(dayString(0));
    body.forecast.forEach((point, h) => {
      const t = 84 + h;
      const truth = 400 + 3 * t + WEEK[daysAgo(-h).getUTCDay()];
      expect(Math.abs(point.value - truth)).toBeLessThan(40);
      expect(point.lower_95).toBeLessThanOrEqual(point.lower_80);
      expect(point.lower_80).toBeLessThanOrEqual(point.value);
      expect(point.upper_80).toBeLessThanOrEqual(point.upper_95);
    });
    expect(body.backtest.baseline).toBe("seasonal_naive");
    expect(body.backtest.mape).not.toBeNull();
    expect(body.backtest.mape).toBeLessThan(body.backtest.baseline_mape ?? 0);
    expect(body.backtest.beats_baseline).toBe(true);
    expect(body.parameters?.period).toBe(7);
    // Deterministic: the same data gives the same answer.
    expect(await getForecast(segment.id, "?metric=views&horizon=14")).toEqual(body);
  });

  it("forecasts the engagement rate within 0–100 and conversions", async () => {
    const { segment } = await segmentWithHistory(42, 2);
    const rate = await getForecast(segment.id, "?metric=engagement_rate&horizon=7");
    expect(rate.forecast).toHaveLength(7);
    for (const point of rate.forecast) {
      expect(point.lower_95).toBeGreaterThanOrEqual(0);
      expect(point.upper_95).toBeLessThanOrEqual(100);
      expect(Math.abs(point.value - 20)).toBeLessThan(2);
    }
    const conversions = await getForecast(segment.id, "?metric=conversions");
    expect(conversions.horizon).toBe(14);
    expect(conversions.forecast).toHaveLength(14);
  });

  it("forecasts member_count from the membership events", async () => {
    const segment = await createSegmentFixture("Forecast members");
    const people = await insertUsers(60);
    // Two joins a day for 30 days, ending yesterday.
    for (let day = 30; day >= 1; day--) {
      await addMembers(segment.id, people.slice((30 - day) * 2, (30 - day) * 2 + 2), daysAgo(day));
    }
    const body = await getForecast(segment.id, "?metric=member_count&horizon=7");
    expect(body.history).toHaveLength(30);
    expect(body.history.at(-1)?.value).toBe(60);
    expect(body.forecast[6].value).toBeGreaterThan(66);
    expect(body.forecast[6].value).toBeLessThan(82);
  });

  it("answers 200 with no forecast and a reason when the history is shorter than three weeks", async () => {
    const { segment } = await segmentWithHistory(20);
    const body = await getForecast(segment.id, "?metric=views");
    expect(body.history).toHaveLength(20);
    expect(body.forecast).toEqual([]);
    expect(body.reason).toMatch(/21 complete days/);
    expect(body.backtest.mape).toBeNull();
    const empty = await createSegmentFixture("No history");
    expect((await getForecast(empty.id, "")).forecast).toEqual([]);
  });

  it("answers 422 naming the field for an unknown metric or a horizon out of bounds, 404 for a missing segment", async () => {
    const segment = await createSegmentFixture("Forecast errors");
    for (const query of ["?metric=revenue", "?horizon=0", "?horizon=61", "?horizon=two", "?extra=1"]) {
      const res = await api("GET", `/api/v1/segments/${segment.id}/forecast${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors[0].location).toBe("query");
    }
    const metric = await api("GET", `/api/v1/segments/${segment.id}/forecast?metric=revenue`);
    expect(metric.body.errors[0].field).toBe("metric");
    expect((await api("GET", `/api/v1/segments/${MISSING}/forecast`)).status).toBe(404);
    expect((await api("GET", "/api/v1/segments/nope/forecast")).status).toBe(422);
  });
});
