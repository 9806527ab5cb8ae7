import { describe, expect, it } from "vitest";
import { revisionPageSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

describe("GET /api/v1/segments/{segment_id}/revisions", () => {
  it("keeps every definition change with what changed and the estimated size then", async () => {
    const run = uniqueName("run");
    await seedUsers([
      { age: 20, traits: { run } },
      { age: 30, traits: { run } },
      { age: 40, traits: { run } },
    ]);
    const scoped = { field: "traits.run", op: "eq", value: run };
    const created = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Revised"),
      criteria: { age_range: [18, 35], all: [scoped] },
    });
    expect(created.body.estimated_size).toBe(2);
    const id = created.body.id;
    const changed = await api("PATCH", `/api/v1/segments/${id}`, {
      criteria: { age_range: [18, 45], all: [scoped] },
    });
    expect(changed.body.estimated_size).toBe(3);
    await api("PATCH", `/api/v1/segments/${id}`, { status: "paused", description: "Wider" });
    // Same values again: not a change, so no revision.
    await api("PUT", `/api/v1/segments/${id}`, { status: "paused" });

    const res = await api("GET", `/api/v1/segments/${id}/revisions`);
    expect(res.status).toBe(200);
    const page = revisionPageSchema.parse(res.body);
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(page.items[2].changes.segment_name).toEqual({ from: null, to: created.body.segment_name });
    expect(page.items[2].estimated_size).toBe(2);
    expect(Object.keys(page.items[1].changes)).toEqual(["criteria"]);
    expect(page.items[1].changes.criteria.from).toEqual({ age_range: [18, 35], all: [scoped] });
    expect(page.items[1].estimated_size).toBe(3);
    expect(page.items[0].changes).toEqual({
      description: { from: null, to: "Wider" },
      status: { from: "active", to: "paused" },
    });
    expect(page.items[0].definition).toMatchObject({ status: "paused", description: "Wider" });

    const second = await api("GET", `/api/v1/segments/${id}/revisions?limit=1&offset=1`);
    expect(second.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(second.body.items.map((r: { revision: number }) => r.revision)).toEqual([2]);
  });

  it("answers 404 for an unknown segment and 422 for a bad query", async () => {
    expect((await api("GET", "/api/v1/segments/00000000-0000-4000-8000-000000000000/revisions")).status).toBe(
      404,
    );
    const created = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Q"), criteria: {} });
    const bad = await api("GET", `/api/v1/segments/${created.body.id}/revisions?limit=0&colour=red`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["limit"]));
  });
});
