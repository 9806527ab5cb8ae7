import { describe, expect, it } from "vitest";
import { criteriaLimits, parseValidCriteria } from "@/lib/criteria/parse-criteria";
import {
  batchSegments,
  evaluateUsersSql,
  parameterCount,
  SEGMENT_PARAMETER_BUDGET,
} from "@/lib/segments/dynamic-queries";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { membershipCounts } from "../support/membership-counts";

// The worst case the criteria limits allow, written as profiles are created and changed: no statement may
// near the 65,535 bind parameters of the protocol (PGlite rejects past it; the request used to be a 500).

const PROTOCOL_PARAMETER_LIMIT = 65_535;
const { maxConditions, maxListLength, maxTotalValues } = criteriaLimits;

const codes = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}-${i}`);

/**
 * Every condition the limits allow, every value the budget allows (in full lists of 1,000), nested as deep
 * as allowed under `any` and `min_match` (where the compiler repeats sub-expressions for the confidence),
 * and matched by everyone: the `not_in` lists name values nobody has, and the share is low enough.
 */
function maximalCatchAllCriteria(tag: string): Record<string, unknown> {
  const lists = maxTotalValues / maxListLength;
  const listRules = Array.from({ length: lists }, (_, i) => ({
    field: `traits.code${i}`,
    op: "not_in",
    value: codes(`${tag}-${i}`, maxListLength),
  }));
  const rangeRules = Array.from({ length: maxConditions - lists }, (_, i) => ({
    field: `traits.score${i}`,
    op: "between",
    value: [i, i + 1000],
  }));
  const rules = [...listRules, ...rangeRules];
  // Depth: root → any → any → any → any → the rules' object (six levels in all).
  const inner = { all: rules, min_match: 0.01 };
  let node: Record<string, unknown> = inner;
  for (let level = 0; level < 4; level++) node = { any: [node], min_match: 0.5 };
  return node;
}

async function createDynamicSegment(criteria: Record<string, unknown>) {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Maximal"),
    membership_mode: "dynamic",
    criteria,
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
  return res.body as { id: string; member_count: number };
}

describe("no statement nears the bind-parameter limit", () => {
  it("rejects more values than the budget with a 422 naming the criteria", async () => {
    const criteria = {
      all: Array.from({ length: maxConditions }, (_, i) => ({
        field: `traits.k${i}`,
        op: "in",
        value: Array.from({ length: maxListLength }, (_, j) => i * maxListLength + j),
      })),
    };
    const res = await api("POST", "/api/v1/segments/estimate", { criteria });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const budget = res.body.errors.find((e: { message: string }) =>
      e.message.includes(String(maxTotalValues)),
    );
    expect(budget).toMatchObject({ field: "criteria", location: "body" });
  });

  it("compiles a maximal segment, and batches of them, far below the limit", () => {
    const segments = Array.from({ length: 6 }, (_, i) => ({
      id: crypto.randomUUID(),
      node: parseValidCriteria(maximalCatchAllCriteria(`unit${i}`)),
    }));
    const userIds = Array.from({ length: 10_000 }, () => crypto.randomUUID());
    const now = new Date();
    const one = parameterCount(evaluateUsersSql(segments.slice(0, 1), userIds, now));
    expect(one).toBeLessThan(PROTOCOL_PARAMETER_LIMIT / 4);
    for (const batch of batchSegments(segments, now)) {
      const count = parameterCount(evaluateUsersSql(batch, userIds, now));
      expect(count).toBeLessThanOrEqual(Math.max(SEGMENT_PARAMETER_BUDGET, one) + 2);
    }
  });

  it("estimates, creates and writes profiles while several maximal dynamic segments exist", async () => {
    const tag = uniqueName("max").replace(/\W+/g, "-").toLowerCase();
    const criteria = maximalCatchAllCriteria(tag);

    const estimate = await api("POST", "/api/v1/segments/estimate", { criteria });
    expect(estimate.status, JSON.stringify(estimate.body).slice(0, 500)).toBe(200);

    const segments = [];
    for (let i = 0; i < 3; i++)
      segments.push(await createDynamicSegment(maximalCatchAllCriteria(`${tag}-${i}`)));

    const created = await api("POST", "/api/v1/users", {
      email: `${tag}@example.com`,
      traits: { code0: "x" },
    });
    expect(created.status, JSON.stringify(created.body).slice(0, 500)).toBe(201);
    const patched = await api("PATCH", `/api/v1/users/${created.body.id}`, { traits: { score0: 5 } });
    expect(patched.status, JSON.stringify(patched.body).slice(0, 500)).toBe(200);

    const members = await api("GET", `/api/v1/segments/${segments[0].id}/members?search=${tag}`);
    expect(members.status).toBe(200);
    expect(members.body.total).toBe(1);
    const reason = members.body.items[0].assignment_reason;
    // The reason names conditions and short labels, never a list of 1,000 values.
    expect(JSON.stringify(reason).length).toBeLessThan(16 * 1024);
    expect(reason.met[0]).toMatch(/and \d+ more/);

    for (const segment of segments) {
      const counts = await membershipCounts(segment.id);
      expect(counts.real).toBe(counts.stored);
      expect(counts.net).toBe(counts.stored);
    }
  }, 120_000);

  it("creates 10,000 users in bulk while catch-all dynamic segments exist", async () => {
    const tag = uniqueName("bulk-max").replace(/\W+/g, "-").toLowerCase();
    const segments = [
      await createDynamicSegment(maximalCatchAllCriteria(`${tag}-a`)),
      await createDynamicSegment({ age_range: [0, 150] }),
    ];
    const before = await Promise.all(segments.map((s) => membershipCounts(s.id)));
    const users = Array.from({ length: 10_000 }, (_, i) => ({
      email: `${tag}-${i}@example.com`,
      age: i % 100,
    }));
    const res = await api("POST", "/api/v1/users/bulk", { users });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
    for (const [i, segment] of segments.entries()) {
      const counts = await membershipCounts(segment.id);
      expect(counts.stored).toBe(before[i].stored + 10_000);
      expect(counts.real).toBe(counts.stored);
      expect(counts.net).toBe(counts.stored);
    }
  }, 180_000);
});
