import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { experimentAllocations, experimentHistory } from "@/db/schema";
import { personalizedContentSchema } from "@/lib/personalized/schemas";
import { segmentSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { createSegmentWithArms } from "../support/delivery-fixtures";
import { uniqueName } from "../support/factories";
import { seedContent } from "../support/seed-content";

beforeAll(async () => {
  await getDb();
});

async function splitsOf(segmentId: string) {
  const db = await getDb();
  const allocations = await db
    .select()
    .from(experimentAllocations)
    .where(eq(experimentAllocations.segment_id, segmentId))
    .orderBy(asc(experimentAllocations.id));
  const history = await db
    .select()
    .from(experimentHistory)
    .where(eq(experimentHistory.segment_id, segmentId))
    .orderBy(asc(experimentHistory.id));
  return { allocations, history };
}

describe("traffic_weight of personalized content", () => {
  it("defaults to 1, is returned, and every arm added, re-weighted or removed is recorded with the new split", async () => {
    const { segmentId, arms } = await createSegmentWithArms([1, 3]);
    expect(personalizedContentSchema.parse(arms[0]).traffic_weight).toBe(1);
    const content = await seedContent();
    const plain = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.id,
      segment_id: segmentId,
    });
    expect(plain.body.traffic_weight).toBe(1);

    const patched = await api("PATCH", `/api/v1/segments/personalized/${arms[1].id}`, {
      traffic_weight: 2.5,
    });
    expect(patched.status).toBe(200);
    expect(patched.body.traffic_weight).toBe(2.5);
    // Same weight again, and a change of another field: nothing new to record.
    await api("PATCH", `/api/v1/segments/personalized/${arms[1].id}`, { traffic_weight: 2.5 });
    await api("PATCH", `/api/v1/segments/personalized/${arms[0].id}`, { variant_id: "baseline" });
    expect((await api("DELETE", `/api/v1/segments/personalized/${plain.body.id}`)).status).toBe(204);

    const { allocations, history } = await splitsOf(segmentId);
    expect(allocations.map((a) => a.reason)).toEqual(["weights", "weights", "weights", "weights", "weights"]);
    expect(allocations.map((a) => a.shares)).toEqual([
      { [arms[0].id]: 1 },
      { [arms[0].id]: 0.25, [arms[1].id]: 0.75 },
      { [arms[0].id]: 0.2, [arms[1].id]: 0.6, [plain.body.id]: 0.2 },
      { [arms[0].id]: 1 / 4.5, [arms[1].id]: 2.5 / 4.5, [plain.body.id]: 1 / 4.5 },
      { [arms[0].id]: 1 / 3.5, [arms[1].id]: 2.5 / 3.5 },
    ]);
    expect(history.map((h) => [h.kind, h.changes])).toEqual([
      ["weight", { traffic_weight: { from: null, to: 1 } }],
      ["weight", { traffic_weight: { from: null, to: 3 } }],
      ["weight", { traffic_weight: { from: null, to: 1 } }],
      ["weight", { traffic_weight: { from: 3, to: 2.5 } }],
      ["weight", { traffic_weight: { from: 1, to: null } }],
    ]);
    expect(history[3].reason).toContain(arms[1].id);
  });

  it("refuses a negative or non-numeric weight", async () => {
    const { arms } = await createSegmentWithArms([1]);
    for (const traffic_weight of [-1, "2", null]) {
      const res = await api("PATCH", `/api/v1/segments/personalized/${arms[0].id}`, { traffic_weight });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].field).toBe("traffic_weight");
    }
  });
});

describe("priority of segments", () => {
  it("defaults to 0, is set on create and update, and is returned by detail and list", async () => {
    const plain = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Prio"), criteria: {} });
    expect(segmentSchema.parse(plain.body).priority).toBe(0);
    const high = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Prio"),
      criteria: {},
      priority: 7,
    });
    expect(high.body.priority).toBe(7);
    const updated = await api("PATCH", `/api/v1/segments/${plain.body.id}`, { priority: -3 });
    expect(updated.body.priority).toBe(-3);
    expect((await api("GET", `/api/v1/segments/${plain.body.id}`)).body.priority).toBe(-3);
    const list = await api("GET", "/api/v1/segments?sort=-priority&limit=500");
    const ids = list.body.items.map((s: { id: string }) => s.id);
    expect(ids.indexOf(high.body.id)).toBeLessThan(ids.indexOf(plain.body.id));
    expect(list.body.items.find((s: { id: string }) => s.id === plain.body.id).priority).toBe(-3);
    expect((await api("PATCH", `/api/v1/segments/${plain.body.id}`, { priority: 1.5 })).status).toBe(422);
  });
});
