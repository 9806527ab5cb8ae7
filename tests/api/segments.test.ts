import { describe, expect, it } from "vitest";
import { segmentPageSchema, segmentSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

const techCriteria = {
  age_range: [25, 45],
  interests: ["technology", "gadgets", "AI"],
  engagement_level: "high",
};

async function createSegment(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/segments/", {
    segment_name: uniqueName("Tech Enthusiasts"),
    description: "Users interested in technology and gadgets",
    criteria: techCriteria,
    strategy: "hybrid",
    ...overrides,
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("segments CRUD", () => {
  it("creates a segment through the trailing-slash path and reads it back", async () => {
    const segment = await createSegment();
    expect(segmentSchema.parse(segment)).toBeTruthy();
    expect(segment).toMatchObject({ strategy: "hybrid", status: "active", member_count: 0 });
    const read = await api("GET", `/api/v1/segments/${segment.id}`);
    expect(read.status).toBe(200);
    expect(read.body.segment_name).toBe(segment.segment_name);
    expect(read.body.criteria).toEqual(techCriteria);
  });

  it("rejects a missing name and an unknown strategy with field errors", async () => {
    const res = await api("POST", "/api/v1/segments", { criteria: {}, strategy: "psychic" });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["segment_name", "strategy"]));
  });

  it("answers 400 for malformed JSON and 413 for an oversized body", async () => {
    const bad = await api("POST", "/api/v1/segments", undefined, { rawBody: "{not json" });
    expect(bad.status).toBe(400);
    const huge = await api("POST", "/api/v1/segments", undefined, {
      rawBody: JSON.stringify({ segment_name: "x", criteria: { blob: "y".repeat(2_000_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it("answers 422 for a persona that does not exist and 409 for a duplicate name", async () => {
    const missing = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Orphan"),
      criteria: {},
      persona_id: "00000000-0000-4000-8000-000000000000",
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe("persona_id");
    const first = await createSegment();
    const duplicate = await api("POST", "/api/v1/segments", {
      segment_name: first.segment_name,
      criteria: {},
    });
    expect(duplicate.status).toBe(409);
  });

  it("answers 422 for a non-UUID id and 404 for an unknown one", async () => {
    expect((await api("GET", "/api/v1/segments/not-a-uuid")).status).toBe(422);
    expect((await api("GET", "/api/v1/segments/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("updates part of a segment with PUT and PATCH", async () => {
    const segment = await createSegment();
    const put = await api("PUT", `/api/v1/segments/${segment.id}`, { status: "paused" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ status: "paused", segment_name: segment.segment_name });
    const patch = await api("PATCH", `/api/v1/segments/${segment.id}`, { description: "Changed" });
    expect(patch.body).toMatchObject({ status: "paused", description: "Changed" });
    expect((await api("PUT", `/api/v1/segments/${segment.id}`, {})).status).toBe(422);
    expect((await api("PUT", `/api/v1/segments/${segment.id}`, { member_count: 5 })).status).toBe(422);
  });

  it("deletes a segment", async () => {
    const segment = await createSegment();
    expect((await api("DELETE", `/api/v1/segments/${segment.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/segments/${segment.id}`)).status).toBe(404);
  });

  it("lists with filters, search and pagination", async () => {
    const tag = uniqueName("Listable");
    await createSegment({ segment_name: `${tag} A`, strategy: "behavioral" });
    await createSegment({ segment_name: `${tag} B`, strategy: "demographic", status: "paused" });
    const all = await api("GET", `/api/v1/segments/?search=${encodeURIComponent(tag)}&limit=1`);
    expect(all.status).toBe(200);
    expect(segmentPageSchema.parse(all.body).total).toBe(2);
    expect(all.body.items).toHaveLength(1);
    const behavioral = await api(
      "GET",
      `/api/v1/segments?search=${encodeURIComponent(tag)}&strategy=behavioral`,
    );
    expect(behavioral.body.items.map((s: { segment_name: string }) => s.segment_name)).toEqual([`${tag} A`]);
    const bad = await api("GET", "/api/v1/segments?status=sleeping&limit=0");
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(["limit", "status"].sort());
  });
});

describe("segment list figures", () => {
  it("carries each segment's live content totals and view-weighted engagement rate", async () => {
    const segment = await createSegment();
    const tag = encodeURIComponent(segment.segment_name);
    const before = await api("GET", `/api/v1/segments?search=${tag}`);
    expect(before.body.items[0]).toMatchObject({ total_views: 0, engagement_rate: null });

    const content = await api("POST", "/api/v1/content", { title: uniqueName("Article") });
    expect(content.status).toBe(201);
    for (const [variant, views, engagement] of [
      ["a", 300, 30],
      ["b", 100, 30],
    ] as const) {
      const item = await api("POST", "/api/v1/segments/personalized", {
        content_id: content.body.id,
        segment_id: segment.id,
        variant_id: variant,
      });
      const perf = await api("POST", `/api/v1/segments/personalized/${item.body.id}/performance`, {
        views,
        engagement,
        conversions: 0,
      });
      expect(perf.status).toBe(200);
    }
    const after = await api("GET", `/api/v1/segments?search=${tag}`);
    expect(segmentPageSchema.parse(after.body).items[0]).toMatchObject({
      total_views: 400,
      engagement_rate: 15,
    });
  });
});
