import { describe, expect, it } from "vitest";
import { segmentOverlapSchema } from "@/lib/overlap/schemas";
import {
  addMembers,
  createSegmentFixture,
  insertUsers,
  type SegmentFixture,
} from "../support/analytics-fixtures";
import { api } from "../support/api";

const MISSING = "00000000-0000-4000-8000-000000000000";

async function getOverlap(query: string) {
  const res = await api("GET", `/api/v1/segments/overlap?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return segmentOverlapSchema.parse(res.body);
}

describe("GET /api/v1/segments/overlap", () => {
  it("counts shared members and the Jaccard index of every pair, in the order given", async () => {
    const people = await insertUsers(8);
    const a = await createSegmentFixture("Overlap A");
    const b = await createSegmentFixture("Overlap B");
    const empty = await createSegmentFixture("Overlap empty");
    await addMembers(a.id, people.slice(0, 5));
    await addMembers(b.id, people.slice(3, 8));
    const result = await getOverlap(`segment_ids=${b.id},${a.id},${empty.id}`);
    expect(result.segments).toEqual([
      { id: b.id, segment_name: b.segment_name, member_count: 5 },
      { id: a.id, segment_name: a.segment_name, member_count: 5 },
      { id: empty.id, segment_name: empty.segment_name, member_count: 0 },
    ]);
    // A = users 0–4, B = users 3–7: 2 shared, union 8.
    expect(result.pairs).toEqual([
      { segment_a: b.id, segment_b: a.id, shared_members: 2, union: 8, jaccard: 0.25 },
      { segment_a: b.id, segment_b: empty.id, shared_members: 0, union: 5, jaccard: 0 },
      { segment_a: a.id, segment_b: empty.id, shared_members: 0, union: 5, jaccard: 0 },
    ]);
  });

  it("answers 0 for two empty segments and takes the parameter repeated", async () => {
    const first = await createSegmentFixture();
    const second = await createSegmentFixture();
    const result = await getOverlap(`segment_ids=${first.id}&segment_ids=${second.id.toUpperCase()}`);
    expect(result.pairs).toEqual([
      { segment_a: first.id, segment_b: second.id, shared_members: 0, union: 0, jaccard: 0 },
    ]);
  });

  it("gives identical segments a Jaccard index of 1", async () => {
    const people = await insertUsers(3);
    const first = await createSegmentFixture();
    const second = await createSegmentFixture();
    await addMembers(first.id, people);
    await addMembers(second.id, people);
    const result = await getOverlap(`segment_ids=${first.id},${second.id}`);
    expect(result.pairs[0]).toMatchObject({ shared_members: 3, union: 3, jaccard: 1 });
  });

  it("answers all 45 pairs of ten segments", async () => {
    const people = await insertUsers(10);
    const segments: SegmentFixture[] = [];
    for (let i = 0; i < 10; i++) {
      const segment = await createSegmentFixture(`Overlap ten ${i}`);
      // Segment i has users 0..i: the pair (i, j), i < j, shares i + 1 users out of j + 1.
      await addMembers(segment.id, people.slice(0, i + 1));
      segments.push(segment);
    }
    const result = await getOverlap(`segment_ids=${segments.map((s) => s.id).join(",")}`);
    expect(result.pairs).toHaveLength(45);
    const pair = result.pairs.find((p) => p.segment_a === segments[2].id && p.segment_b === segments[7].id);
    expect(pair).toEqual({
      segment_a: segments[2].id,
      segment_b: segments[7].id,
      shared_members: 3,
      union: 8,
      jaccard: 3 / 8,
    });
  });

  it("rejects too few, too many, malformed and repeated ids, and answers 404 for a missing segment", async () => {
    const segment = await createSegmentFixture();
    const eleven = Array.from(
      { length: 11 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    for (const query of [
      "",
      `segment_ids=${segment.id}`,
      `segment_ids=${eleven.join(",")}`,
      `segment_ids=${segment.id},not-a-uuid`,
      `segment_ids=${segment.id},${segment.id}`,
      `segment_ids=${segment.id},${MISSING}&extra=1`,
    ]) {
      const res = await api("GET", `/api/v1/segments/overlap?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body.errors[0].location).toBe("query");
    }
    const missing = await api("GET", `/api/v1/segments/overlap?segment_ids=${segment.id},${MISSING}`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain(MISSING);
  });
});
