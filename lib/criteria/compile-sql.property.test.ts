import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { NewUser, User } from "@/db/schema";
import { specCriteriaExamples } from "@/lib/criteria/spec-examples";
import { seedUsers } from "@/tests/support/seed-users";
import { confidenceSql, matchSql } from "./compile-sql";
import { evaluateCriteria, type Profile } from "./evaluate";
import { parseCriteria } from "./parse-criteria";
import { criteriaArb, NOW, populationArb } from "./testing/arbitraries";

// The property the whole engine rests on: the compiled SQL and the independent in-memory evaluator
// select exactly the same users with the same confidence, on whichever database the tests run.

async function loadPopulation(population: Omit<NewUser, "id">[]): Promise<User[]> {
  await (await getDb()).execute(sql`delete from users where true`);
  return seedUsers(population);
}

async function selectWithSql(criteria: Record<string, unknown>) {
  const parsed = parseCriteria(criteria);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const rows = await queryRows<{ id: string; confidence: number }>(
    await getDb(),
    sql`select "users"."id" as id, ${confidenceSql(parsed.node, NOW)} as confidence
        from users where ${matchSql(parsed.node, NOW)} order by "users"."id"`,
  );
  return { node: parsed.node, rows };
}

describe("criteria compiled to SQL agree with the in-memory oracle", () => {
  it("selects the same users with the same confidence for random criteria and populations", async () => {
    const seen = { some: 0, partial: 0 };
    await fc.assert(
      fc.asyncProperty(
        populationArb,
        fc.array(criteriaArb, { minLength: 1, maxLength: 8 }),
        async (population, criteriaList) => {
          const profiles = await loadPopulation(population);
          for (const criteria of criteriaList) {
            const { node, rows } = await selectWithSql(criteria);
            const expected = profiles
              .map((p) => ({ id: p.id, ...evaluateCriteria(node, p, NOW) }))
              .filter((e) => e.matches)
              .sort((a, b) => (a.id < b.id ? -1 : 1));
            expect(
              rows.map((r) => r.id),
              JSON.stringify(criteria),
            ).toEqual(expected.map((e) => e.id));
            if (rows.length > 0 && rows.length < profiles.length) seen.some += 1;
            if (rows.some((r) => Number(r.confidence) < 1)) seen.partial += 1;
            rows.forEach((row, i) => {
              expect(Number(row.confidence)).toBeCloseTo(expected[i].confidence, 9);
            });
          }
        },
      ),
      { numRuns: 30 },
    );
    // Guards against a vacuous pass: the generators must produce criteria that split populations.
    expect(seen.some).toBeGreaterThan(10);
    expect(seen.partial).toBeGreaterThan(0);
  }, 180_000);

  it("selects exactly what the spec's meanings say for its three examples", async () => {
    const profiles = await loadPopulation(fc.sample(populationArb, { numRuns: 1, seed: 7 })[0].concat());
    const examples = [
      specCriteriaExamples.demographics,
      specCriteriaExamples.behavioral,
      specCriteriaExamples.engagement,
    ];
    const meanings: ((p: Profile) => boolean)[] = [
      (p) =>
        p.age !== null &&
        p.age >= 18 &&
        p.age <= 35 &&
        ["US", "CA", "GB"].includes(p.location ?? "") &&
        p.interests.some((i) => ["fitness", "wellness", "nutrition"].includes(i)),
      (p) =>
        p.purchase_count >= 5 &&
        p.total_spent >= 100 &&
        p.engagement_frequency === "daily" &&
        p.content_preferences.some((c) => ["videos", "images"].includes(c)),
      (p) =>
        p.engagement_level === "high" &&
        (p.avg_session_duration ?? -1) >= 300 &&
        p.last_active_at !== null &&
        p.last_active_at.getTime() >= NOW.getTime() - 7 * 86_400_000 &&
        (p.interaction_score ?? -1) >= 0.7,
    ];
    for (const [i, criteria] of examples.entries()) {
      const { rows } = await selectWithSql(criteria);
      const expected = profiles
        .filter(meanings[i])
        .map((p) => p.id)
        .sort();
      expect(rows.map((r) => r.id)).toEqual(expected);
    }
  });
});
