import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { events } from "@/db/schema";
import { criteriaFieldsSchema, estimateSchema } from "@/lib/criteria/api-schemas";
import { seededRandom } from "@/lib/discovery/seeded-random";
import { propensityJob } from "@/lib/propensity/propensity-job";
import { propensityModelSchema } from "@/lib/propensity/schemas";
import { runJobOnce } from "@/lib/scheduler/scheduler";
import { api } from "../support/api";
import { daysAgo } from "../support/factories";
import { seedUsers } from "../support/seed-users";

async function catalogue() {
  const res = await api("GET", "/api/v1/segments/criteria/fields");
  expect(res.status).toBe(200);
  return criteriaFieldsSchema.parse(res.body);
}

async function conversions(rows: { user_id: string; days: number }[]) {
  const db = await getDb();
  await db
    .insert(events)
    .values(
      rows.map(({ user_id, days }) => ({ user_id, name: "content_conversion", occurred_at: daysAgo(days) })),
    );
}

describe("POST /api/v1/models/propensity/train", () => {
  it("learns the trait that drives conversion, scores everyone in 0–1, and shows its AUC in the catalogue", async () => {
    const random = seededRandom(11);
    // Too little data first: no one converted, so there is no model and the field is not offered.
    const users = await seedUsers(
      Array.from({ length: 800 }, (_, i) => ({
        age: 20 + Math.floor(random() * 50),
        engagement_level: i % 4 === 0 ? "high" : i % 4 === 1 ? "medium" : "low",
        interests: random() < 0.5 ? ["travel"] : ["news"],
        purchase_count: Math.floor(random() * 5),
        interaction_score: Math.round(random() * 100) / 100,
        last_active_at: daysAgo(Math.floor(random() * 30)),
      })),
    );
    const none = await api("POST", "/api/v1/models/propensity/train");
    expect(none.status).toBe(200);
    expect(propensityModelSchema.parse(none.body)).toMatchObject({ status: "insufficient_data", auc: null });
    expect(none.body.reason).toMatch(/0 of 800 profiles converted/);
    const before = await catalogue();
    expect(before.fields.some((f) => f.field === "conversion_propensity")).toBe(false);
    expect(before.unavailable).toEqual([{ field: "conversion_propensity", reason: none.body.reason }]);

    // The known best trait: high engagement converts 80% of the time, everyone else 3%. Conversions older
    // than 30 days do not count, so the old ones planted on the low group must not lift it. The held-out 20% is
    // a hash sample of random user ids, so the signal is strong enough that the AUC threshold holds for any
    // split (expected ≈ 0.92, standard error ≈ 0.03 with ~36 held-out positives).
    const recent: { user_id: string; days: number }[] = [];
    const old: { user_id: string; days: number }[] = [];
    for (const user of users) {
      const rate = user.engagement_level === "high" ? 0.8 : 0.03;
      if (random() < rate) recent.push({ user_id: user.id, days: 1 + Math.floor(random() * 25) });
      if (user.engagement_level === "low") old.push({ user_id: user.id, days: 45 });
    }
    await conversions([...recent, ...old]);

    const trained = await api("POST", "/api/v1/models/propensity/train");
    expect(trained.status).toBe(200);
    const model = propensityModelSchema.parse(trained.body);
    expect(model.status).toBe("trained");
    expect(model.positives).toBe(new Set(recent.map((r) => r.user_id)).size);
    expect(model.train_size + model.test_size).toBe(800);
    expect(model.test_size).toBe(160);
    expect(model.scored).toBe(800);
    expect(model.auc).toBeGreaterThan(0.75);

    const db = await getDb();
    const [stats] = await queryRows<{ high: number; other: number; lo: number; hi: number; missing: number }>(
      db,
      sql`select avg(conversion_propensity) filter (where engagement_level = 'high') as high,
                 avg(conversion_propensity) filter (where engagement_level <> 'high') as other,
                 min(conversion_propensity) as lo, max(conversion_propensity) as hi,
                 count(*) filter (where conversion_propensity is null)::int as missing
          from users`,
    );
    expect(Number(stats.missing)).toBe(0);
    expect(Number(stats.lo)).toBeGreaterThanOrEqual(0);
    expect(Number(stats.hi)).toBeLessThanOrEqual(1);
    expect(Number(stats.high)).toBeGreaterThan(0.4);
    expect(Number(stats.other)).toBeLessThan(0.15);

    const after = await catalogue();
    expect(after.unavailable).toEqual([]);
    const field = after.fields.find((f) => f.field === "conversion_propensity");
    expect(field).toMatchObject({ type: "number", model: { auc: model.auc, trained_at: model.trained_at } });

    // Usable in criteria like any numeric field.
    const estimate = await api("POST", "/api/v1/segments/estimate", {
      criteria: { all: [{ field: "conversion_propensity", op: "gte", value: 0.3 }] },
    });
    expect(estimate.status).toBe(200);
    const selected = estimateSchema.parse(estimate.body).estimated_size;
    expect(selected).toBeGreaterThan(150);
    expect(selected).toBeLessThan(260);

    // The scheduled job retrains the same way (same data, same seeded split: the same AUC).
    expect(await runJobOnce(propensityJob())).toBe("ran");
    const again = await catalogue();
    expect(again.fields.find((f) => f.field === "conversion_propensity")?.model?.auc).toBeCloseTo(
      model.auc ?? 0,
      12,
    );
  }, 180_000);
});
