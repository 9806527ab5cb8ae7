import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { evaluateUsersSql } from "./dynamic-queries";
import { renderWithTemplate } from "./statement-template";

const dialect = new PgDialect();
const HOUR = 3_600_000;

// Windows on the profile and on events put clock-derived instants among the parameters.
const segments = [
  { id: "00000000-0000-4000-8000-000000000001", criteria: { last_active_days: 7, age_range: [18, 35] } },
  {
    id: "00000000-0000-4000-8000-000000000002",
    criteria: {
      all: [
        { event: { name: "purchase", within_days: 30, sum: { of: "value", gte: 100 } } },
        { event: { name: "login", last_seen_days: 7 } },
      ],
      any: [{ event: { name: "view", within_days: 3, count: { gte: 2 } } }, { location: ["US"] }],
    },
  },
].map(({ id, criteria }) => ({ id, node: parseValidCriteria(criteria) }));

const build = (at: Date, users: string[]) => evaluateUsersSql(segments, users, at);

describe("renderWithTemplate", () => {
  it("gives, at any later clock and for any users, exactly the statement a fresh rendering gives", () => {
    const key = `test-${Math.random()}`;
    const first = new Date("2026-06-01T12:00:00.000Z");
    renderWithTemplate(key, build, first, ["00000000-0000-4000-8000-00000000000a"]);
    for (const [offset, users] of [
      [0, ["00000000-0000-4000-8000-00000000000b"]],
      [5 * HOUR + 123, ["00000000-0000-4000-8000-00000000000c", "00000000-0000-4000-8000-00000000000d"]],
      [40 * 24 * HOUR + 7, []],
    ] as const) {
      const at = new Date(first.getTime() + offset);
      const fresh = dialect.sqlToQuery(build(at, [...users]));
      expect(renderWithTemplate(key, build, at, [...users])).toEqual({
        sql: fresh.sql,
        params: fresh.params,
      });
    }
  });

  it.each([
    ["the start of the hour", (at: Date) => new Date(Math.floor(at.getTime() / HOUR) * HOUR)],
    ["the start of the month", (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth()))],
  ])("renders afresh on every call when an instant is %s, not now minus a span", (_, align) => {
    const key = `test-${Math.random()}`;
    const aligned = (at: Date, users: string[]) => build(align(at), users);
    const at = new Date("2026-06-01T12:34:56.789Z");
    const later = new Date(at.getTime() + 3 * HOUR + 17);
    renderWithTemplate(key, aligned, at, []);
    const fresh = dialect.sqlToQuery(aligned(later, ["00000000-0000-4000-8000-00000000000e"]));
    expect(renderWithTemplate(key, aligned, later, ["00000000-0000-4000-8000-00000000000e"])).toEqual({
      sql: fresh.sql,
      params: fresh.params,
    });
  });
});
