import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { User } from "@/db/schema";
import { seedUsers } from "@/tests/support/seed-users";
import { listConditions } from "./ast";
import { type CompileMode, confidenceSql, eventMeasureSql, matchSql } from "./compile-sql";
import { evaluateCriteria, measureEvents, type OracleEvent } from "./evaluate";
import { parseCriteria } from "./parse-criteria";
import { NOW, userArb } from "./testing/arbitraries";
import { behaviorCriteriaArb, eventConditionArb, historiesArb } from "./testing/event-arbitraries";

// Issue 13: event conditions compiled to SQL (both forms: per user and set-based) select exactly the users
// the in-memory oracle selects, over random event histories, on whichever database the tests run.

async function load(population: Parameters<typeof seedUsers>[0] & unknown[], histories: OracleEvent[][]) {
  const db = await getDb();
  await db.execute(sql`delete from events where true`);
  await db.execute(sql`delete from users where true`);
  const users = await seedUsers(population);
  const rows = users.flatMap((u, i) =>
    histories[i].map((e) => ({
      user_id: u.id,
      name: e.name,
      occurred_at: e.occurred_at.toISOString(),
      properties: e.properties,
      value: e.value,
    })),
  );
  if (rows.length > 0) {
    await db.execute(
      sql`insert into events (user_id, name, occurred_at, properties, value)
        select user_id, name, occurred_at, properties, value
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as e(user_id uuid, name text, occurred_at timestamptz, properties jsonb, value float8)`,
    );
  }
  return users;
}

async function select(criteria: Record<string, unknown>, mode: CompileMode) {
  const parsed = parseCriteria(criteria);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const rows = await queryRows<{ id: string; confidence: number }>(
    await getDb(),
    sql`select "users"."id" as id, ${confidenceSql(parsed.node, NOW, mode)} as confidence
        from users where ${matchSql(parsed.node, NOW, mode)} order by "users"."id"`,
  );
  return { node: parsed.node, rows };
}

const scenarioArb = fc
  .array(userArb, { minLength: 1, maxLength: 12 })
  .chain((population) => fc.tuple(fc.constant(population), historiesArb(population.length)));

describe("event conditions compiled to SQL agree with the in-memory oracle", () => {
  it("select the same users with the same confidence, per user and set-based", async () => {
    const seen = { some: 0, none: 0 };
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.array(behaviorCriteriaArb, { minLength: 1, maxLength: 6 }),
        async ([population, histories], list) => {
          const users = await load(population, histories);
          const byId = new Map(users.map((u, i) => [u.id, { user: u as User, events: histories[i] }]));
          for (const criteria of list) {
            for (const mode of ["per_user", "set"] as const) {
              const { node, rows } = await select(criteria, mode);
              const expected = [...byId.values()]
                .map(({ user, events }) => ({
                  id: user.id,
                  ...evaluateCriteria(node, user, NOW, { events, segments: new Set() }),
                }))
                .filter((e) => e.matches)
                .sort((a, b) => (a.id < b.id ? -1 : 1));
              expect(
                rows.map((r) => r.id),
                `${mode} ${JSON.stringify(criteria)}`,
              ).toEqual(expected.map((e) => e.id));
              rows.forEach((row, i) => {
                expect(Number(row.confidence)).toBeCloseTo(expected[i].confidence, 9);
              });
              if (rows.length > 0 && rows.length < users.length) seen.some += 1;
              if (rows.length === 0) seen.none += 1;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    // Guards against a vacuous pass: generated conditions must split populations.
    expect(seen.some).toBeGreaterThan(20);
  }, 240_000);

  it("measure every user as the oracle does (what explain shows)", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, eventConditionArb, async ([population, histories], criteria) => {
        const users = await load(population, histories);
        const parsed = parseCriteria(criteria);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        const [condition] = listConditions(parsed.node);
        const event = condition.event;
        if (!event) throw new Error("an event condition");
        const rows = await queryRows<{ id: string; measured: unknown }>(
          await getDb(),
          sql`select "users"."id" as id, jsonb_build_object('v', ${eventMeasureSql(event, NOW)}) as measured from users`,
        );
        for (const row of rows) {
          const i = users.findIndex((u) => u.id === row.id);
          const expected = measureEvents(event, histories[i], NOW);
          const wrapped = typeof row.measured === "string" ? JSON.parse(row.measured) : row.measured;
          const actual = (wrapped as { v: unknown }).v;
          if (expected instanceof Date) expect(Date.parse(actual as string)).toBe(expected.getTime());
          else if (expected === null) expect(actual).toBeNull();
          else expect(Number(actual)).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
