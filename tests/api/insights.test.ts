import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { SeededRandom } from "@/db/seed/random";
import { type Insights, insightsSchema } from "@/lib/intelligence/insight-schemas";
import { addMembers, insertPersonalizedContent } from "../support/analytics-fixtures";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

async function createSegment(name: string, criteria: Record<string, unknown>, status = "active") {
  const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName(name), criteria, status });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; segment_name: string };
}

/** 300 users: 100 in DE who engage with 60% probability, 200 in FR or US who engage with 20%. */
async function insertViewersWithEvents(contentId: string) {
  const db = await getDb();
  const random = new SeededRandom(11);
  const tag = uniqueName("viewer").replaceAll(" ", "-");
  const people = Array.from({ length: 300 }, (_, i) => {
    const location = i < 100 ? "DE" : i < 200 ? "FR" : "US";
    return { external_id: `${tag}-${i}`, location, engaged: random.chance(location === "DE" ? 0.6 : 0.2) };
  });
  const rows = await queryRows<{ id: string; external_id: string }>(
    db,
    sql`
    insert into users (external_id, location)
    select r.external_id, r.location from jsonb_to_recordset(${JSON.stringify(people)}::jsonb) as r(external_id text, location text)
    returning id, external_id`,
  );
  const ids = new Map(rows.map((row) => [row.external_id, row.id]));
  const events = people.flatMap((person) => [
    { user_id: ids.get(person.external_id), name: "content_view" },
    ...(person.engaged ? [{ user_id: ids.get(person.external_id), name: "content_engagement" }] : []),
  ]);
  await db.execute(sql`
    insert into events (user_id, name, personalized_content_id, occurred_at)
    select r.user_id::uuid, r.name, ${contentId}::uuid, now()
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as r(user_id text, name text)`);
  return people.map((person) => ids.get(person.external_id) as string);
}

let body: Insights;
const names: Record<string, string> = {};

beforeAll(async () => {
  const strong = await createSegment("Strong", { location: ["DE"] });
  const mid = await createSegment("Mid", { location: ["FR"] });
  const tiny = await createSegment("Tiny", {});
  const plain = await createSegment("Plain", { location: ["US"] });
  const paused = await createSegment("Paused", {}, "paused");
  for (const [key, segment] of Object.entries({ strong, mid, tiny, plain, paused })) names[key] = segment.id;
  // Engagement 25% and conversion 7% in Strong; 12–16% and 4–5% elsewhere; 2 of 2 in Tiny.
  const item = await insertPersonalizedContent(strong.id, {
    views: 5000,
    engagement: 1250,
    conversions: 350,
  });
  await insertPersonalizedContent(mid.id, { views: 5000, engagement: 750, conversions: 225 });
  await insertPersonalizedContent(tiny.id, { views: 2, engagement: 2, conversions: 2 });
  await insertPersonalizedContent(plain.id, { views: 5000, engagement: 600, conversions: 200 });
  await insertPersonalizedContent(paused.id, { views: 5000, engagement: 600, conversions: 200 });
  for (const [engagement, conversions] of [
    [650, 250],
    [800, 210],
    [700, 225],
    [750, 230],
  ]) {
    const other = await createSegment("Other", {});
    await insertPersonalizedContent(other.id, { views: 5000, engagement, conversions });
  }
  const people = await insertViewersWithEvents(item);
  // 40 users in Strong and Mid, 10 of them also in Tiny; 60 in Strong and Paused (paused: not competing).
  await addMembers(strong.id, people.slice(0, 100));
  await addMembers(mid.id, people.slice(60, 100));
  await addMembers(tiny.id, people.slice(90, 100));
  await addMembers(paused.id, people.slice(0, 60));
  const res = await api("GET", "/api/v1/insights");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(JSON.stringify(res.body)).not.toMatch(/NaN|Infinity/);
  body = insightsSchema.parse(res.body);
}, 120_000);

// Each test builds a small population and fits models: generous on a loaded machine.
describe("GET /api/v1/insights", { timeout: 120_000 }, () => {
  it("ranks segments by shrunk engagement and conversion: 2 of 2 does not top the list", () => {
    expect(body.segments_by_engagement[0].segment_id).toBe(names.strong);
    expect(body.segments_by_conversion[0].segment_id).toBe(names.strong);
    const tiny = body.segments_by_conversion.find((row) => row.segment_id === names.tiny);
    expect(tiny?.observed_rate).toBe(1);
    expect(tiny?.estimate).toBeLessThan(0.06);
    expect(tiny?.upper_95).toBeGreaterThan(tiny?.estimate ?? 1);
    for (const row of body.segments_by_engagement) expect(row.lower_95).toBeLessThanOrEqual(row.estimate);
    expect(body.priors.engagement.method).toBe("method_of_moments");
  });

  it("finds the known best trait and the best criteria condition, with lift intervals", () => {
    const top = body.profile_values[0];
    expect(`${top.field}=${top.value}`).toBe("location=DE");
    expect(top.users).toBe(100);
    expect(top.lift).toBeGreaterThan(2);
    expect(top.lift_lower_95).toBeGreaterThan(1.5);
    expect(top.lift_upper_95).toBeGreaterThan(top.lift ?? 0);
    const condition = body.conditions[0];
    expect(condition.label).toMatch(/Country/);
    expect(condition.condition).toContain("DE");
    expect(condition.lift).toBeGreaterThan(1);
  });

  it("counts members offered competing content and the pairs that cause it", () => {
    expect(body.competing_content.running_segments).toBe(8);
    expect(body.competing_content.users).toBe(40);
    const [first, second] = body.competing_content.pairs;
    expect(new Set([first.segment_a, first.segment_b])).toEqual(new Set([names.strong, names.mid]));
    expect(first.shared_members).toBe(40);
    expect(second.shared_members).toBe(10);
    const ids = body.competing_content.pairs.flatMap((pair) => [pair.segment_a, pair.segment_b]);
    expect(ids).not.toContain(names.paused);
  });

  it("is deterministic and validates its query", async () => {
    const again = await api("GET", "/api/v1/insights");
    expect(insightsSchema.parse(again.body)).toEqual(body);
    expect((await api("GET", "/api/v1/insights?limit=0")).status).toBe(422);
    expect((await api("GET", "/api/v1/insights?limit=1")).body.segments_by_engagement).toHaveLength(1);
    expect((await api("GET", "/api/v1/insights?other=1")).status).toBe(422);
  });
});
