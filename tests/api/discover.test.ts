import { beforeAll, describe, expect, it } from "vitest";
import { estimateSchema } from "@/lib/criteria/api-schemas";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import { adjustedRandIndex } from "@/lib/discovery/cluster-quality";
import { discoverResultSchema } from "@/lib/discovery/schemas";
import { runDiscovery } from "@/lib/discovery/service";
import { api } from "../support/api";
import { plantedUsers } from "../support/planted-clusters";
import { seedUsers } from "../support/seed-users";

const PER_GROUP = 150;
const groupOf = new Map<string, number>();

/** Every number in the answer is finite (JSON would turn NaN and Infinity into null, or fail). */
function allFinite(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === "object") return Object.values(value).every(allFinite);
  return true;
}

beforeAll(async () => {
  const users = await seedUsers(plantedUsers(PER_GROUP));
  for (const user of users) groupOf.set(user.id, (user.traits as { group: number }).group);
}, 120_000);

// Discovery is seconds of CPU; on a shared machine the default 30 s can pass before it ends.
const SLOW = 180_000;

describe("POST /api/v1/segments/discover", () => {
  it(
    "recovers four planted groups (ARI ≥ 0.9) with k chosen by silhouette",
    async () => {
      const { result, profiles, labels } = await runDiscovery({ sample_size: 50_000, seed: 1 });
      expect(result.k).toBe(4);
      expect(profiles).toHaveLength(4 * PER_GROUP);
      const planted = profiles.map((p) => groupOf.get(p.id) as number);
      expect(adjustedRandIndex(labels, planted)).toBeGreaterThanOrEqual(0.9);
      expect(result.silhouette).toBeGreaterThan(0.2);
    },
    SLOW,
  );

  it(
    "describes each group as criteria that select it with precision and recall ≥ 0.9 on the whole table",
    async () => {
      const res = await api("POST", "/api/v1/segments/discover", { seed: 3 });
      expect(res.status).toBe(200);
      const body = discoverResultSchema.parse(res.body);
      expect(allFinite(res.body)).toBe(true);
      expect(body.k).toBe(4);
      expect(body.sample_size).toBe(4 * PER_GROUP);
      const matched = new Set<number>();
      for (const proposal of body.proposals) {
        expect(parseCriteria(proposal.criteria).ok).toBe(true);
        expect(proposal.precision).toBeGreaterThanOrEqual(0.9);
        expect(proposal.recall).toBeGreaterThanOrEqual(0.9);
        // Independently of the service: how many of each planted group the criteria select, in SQL.
        const counts = await Promise.all(
          [0, 1, 2, 3].map(async (group) => {
            const estimate = await api("POST", "/api/v1/segments/estimate", {
              criteria: { all: [proposal.criteria, { field: "traits.group", op: "eq", value: group }] },
            });
            return estimateSchema.parse(estimate.body).estimated_size;
          }),
        );
        const best = counts.indexOf(Math.max(...counts));
        matched.add(best);
        expect(counts[best] / proposal.size).toBeGreaterThanOrEqual(0.9);
        expect(counts[best] / PER_GROUP).toBeGreaterThanOrEqual(0.9);
        expect(proposal.share).toBeCloseTo(proposal.size / (4 * PER_GROUP), 10);
        expect(proposal.profile.length).toBeGreaterThan(0);
        expect(proposal.profile[0].lift).not.toBe(1);
      }
      expect(matched.size).toBe(4);
    },
    SLOW,
  );

  it(
    "gives the same answer for the same seed, and honours k and fields",
    async () => {
      const first = await api("POST", "/api/v1/segments/discover", { seed: 7, sample_size: 400, k: 3 });
      const second = await api("POST", "/api/v1/segments/discover", { seed: 7, sample_size: 400, k: 3 });
      expect(first.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(first.body.k).toBe(3);
      expect(first.body.proposals).toHaveLength(3);
      expect(first.body.sample_size).toBe(400);

      const onlyAge = await api("POST", "/api/v1/segments/discover", { seed: 7, fields: ["age"], k: 2 });
      expect(onlyAge.status).toBe(200);
      expect(onlyAge.body.fields).toEqual(["age"]);
      for (const proposal of onlyAge.body.proposals) {
        expect(JSON.stringify(proposal.criteria)).toContain('"age"');
        expect(proposal.profile.every((l: { field: string }) => l.field === "age")).toBe(true);
      }
    },
    SLOW,
  );

  it(
    "accepts an empty body and answers 422 naming the field for bad input",
    async () => {
      expect((await api("POST", "/api/v1/segments/discover")).status).toBe(200);
      for (const [body, field] of [
        [{ k: 1 }, "k"],
        [{ k: 13 }, "k"],
        [{ sample_size: 10 }, "sample_size"],
        [{ sample_size: 50_001 }, "sample_size"],
        [{ fields: ["email"] }, "fields.0"],
        [{ fields: [] }, "fields"],
        [{ fields: ["age", "age"] }, "fields"],
        [{ seed: -1 }, "seed"],
        [{ seed: 1.5 }, "seed"],
        [{ k: "4" }, "k"],
        [{ extra: true }, ""],
      ] as const) {
        const res = await api("POST", "/api/v1/segments/discover", body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    },
    SLOW,
  );
});
