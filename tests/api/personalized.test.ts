import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { personalizedContentSchema, personalizedPageSchema } from "@/lib/personalized/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedContent } from "../support/seed-content";

const MISSING = "00000000-0000-4000-8000-000000000000";

// Opening the database (and migrating it) can be slow on a busy machine: not part of any test's time.
beforeAll(async () => {
  await getDb();
});

async function createSegment() {
  const res = await api("POST", "/api/v1/segments/", {
    segment_name: uniqueName("Tech Enthusiasts"),
    criteria: { age_range: [25, 45], interests: ["technology"] },
    strategy: "hybrid",
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe("POST /segments/personalized", () => {
  it("creates personalized content exactly as in the spec's example (section 5)", async () => {
    const segment = await createSegment();
    const content = await seedContent({ title: "AI trends", content_type: "video" });
    const res = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.id,
      segment_id: segment.id,
      variant_id: "variant_a",
      is_control: false,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/segments/personalized/${res.body.id}`);
    const row = personalizedContentSchema.parse(res.body);
    expect(row).toMatchObject({
      content_id: content.id,
      segment_id: segment.id,
      variant_id: "variant_a",
      is_control: false,
      view_count: 0,
      engagement_count: 0,
      conversion_count: 0,
      engagement_rate: 0,
      performance: null,
      published_at: null,
      content: { id: content.id, title: "AI trends", content_type: "video" },
    });
  });

  it("creates a control and a variant as in the A/B testing example (section 7), refusing duplicates with 409", async () => {
    const segment = await createSegment();
    const [contentId, contentIdA, contentIdB] = [
      (await seedContent()).id,
      (await seedContent()).id,
      (await seedContent()).id,
    ];
    const control = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentId,
      segment_id: segment.id,
      variant_id: "control",
      is_control: true,
    });
    expect(control.status).toBe(201);
    expect(control.body).toMatchObject({ variant_id: "control", is_control: true });
    const variantA = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdA,
      segment_id: segment.id,
      variant_id: "variant_a",
      is_control: false,
    });
    expect(variantA.status).toBe(201);

    const sameVariant = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdB,
      segment_id: segment.id,
      variant_id: "variant_a",
    });
    expect(sameVariant.status).toBe(409);
    expect(sameVariant.body.detail).toContain("variant_id");
    const secondControl = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdB,
      segment_id: segment.id,
      variant_id: "control_2",
      is_control: true,
    });
    expect(secondControl.status).toBe(409);
    expect(secondControl.body.detail).toContain("control");

    // Same variant in another segment, and content without a variant, are fine.
    const other = await createSegment();
    const elsewhere = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdB,
      segment_id: other.id,
      variant_id: "variant_a",
    });
    expect(elsewhere.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const plain = await api("POST", "/api/v1/segments/personalized", {
        content_id: contentIdB,
        segment_id: other.id,
      });
      expect(plain.status).toBe(201);
      expect(plain.body).toMatchObject({ variant_id: null, is_control: false });
    }
  });

  it("answers 422 naming content_id or segment_id when they do not exist, and for invalid bodies", async () => {
    const segment = await createSegment();
    const content = await seedContent();
    const noContent = await api("POST", "/api/v1/segments/personalized", {
      content_id: MISSING,
      segment_id: segment.id,
    });
    expect(noContent.status).toBe(422);
    expect(noContent.body.errors).toEqual([
      expect.objectContaining({ field: "content_id", location: "body" }),
    ]);
    const noSegment = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.id,
      segment_id: MISSING,
    });
    expect(noSegment.status).toBe(422);
    expect(noSegment.body.errors).toEqual([expect.objectContaining({ field: "segment_id" })]);
    const invalid = await api("POST", "/api/v1/segments/personalized", {
      content_id: "x",
      segment_id: segment.id,
      variant_id: "v".repeat(51),
      is_control: "yes",
      published_at: "yesterday",
      views: 3,
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: any) => e.field).sort()).toEqual(
      ["(root)", "content_id", "is_control", "published_at", "variant_id"].sort(),
    );
  });
});

describe("GET /segments/personalized", () => {
  it("lists with content summaries, filtered by segment, content and variant, paged", async () => {
    const segment = await createSegment();
    const other = await createSegment();
    const [first, second] = [await seedContent({ title: "First" }), await seedContent({ title: "Second" })];
    const make = (content_id: string, segment_id: string, variant_id?: string) =>
      api("POST", "/api/v1/segments/personalized", { content_id, segment_id, variant_id });
    await make(first.id, segment.id, "variant_a");
    await make(second.id, segment.id, "variant_b");
    await make(first.id, other.id, "variant_a");

    const bySegment = await api("GET", `/api/v1/segments/personalized?segment_id=${segment.id}`);
    expect(bySegment.status).toBe(200);
    const page = personalizedPageSchema.parse(bySegment.body);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.content?.title).sort()).toEqual(["First", "Second"]);
    expect(page.items[0].content).toEqual({
      id: page.items[0].content_id,
      title: expect.any(String),
      content_type: "article",
    });
    const byContent = await api("GET", `/api/v1/segments/personalized?content_id=${first.id}`);
    expect(byContent.body.total).toBe(2);
    const byVariant = await api(
      "GET",
      `/api/v1/segments/personalized?segment_id=${segment.id}&variant_id=variant_b&limit=1`,
    );
    expect(byVariant.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
    expect(byVariant.body.items[0].content.title).toBe("Second");
    const paged = await api("GET", `/api/v1/segments/personalized?segment_id=${segment.id}&limit=1&offset=1`);
    expect(paged.body.items).toHaveLength(1);
  });

  it("rejects invalid filters", async () => {
    const res = await api("GET", "/api/v1/segments/personalized?segment_id=nope&limit=0&colour=red");
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(["(root)", "limit", "segment_id"]);
  });
});

describe("GET, PATCH, DELETE /segments/personalized/{personalized_id}", () => {
  it("reads, updates and deletes one item", async () => {
    const segment = await createSegment();
    const content = await seedContent({ title: "Readable" });
    const created = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.id,
      segment_id: segment.id,
      variant_id: "variant_a",
    });
    const url = `/api/v1/segments/personalized/${created.body.id}`;
    const read = await api("GET", url);
    expect(read.status).toBe(200);
    expect(personalizedContentSchema.parse(read.body).content?.title).toBe("Readable");

    const patched = await api("PATCH", url, {
      variant_id: "control",
      is_control: true,
      published_at: "2026-03-01T09:00:00Z",
    });
    expect(patched.status).toBe(200);
    expect(personalizedContentSchema.parse(patched.body)).toMatchObject({
      variant_id: "control",
      is_control: true,
      published_at: "2026-03-01T09:00:00.000Z",
    });
    const cleared = await api("PATCH", url, { variant_id: null, published_at: null });
    expect(cleared.body).toMatchObject({ variant_id: null, is_control: true, published_at: null });

    expect((await api("DELETE", url)).status).toBe(204);
    expect((await api("GET", url)).status).toBe(404);
    expect((await api("DELETE", url)).status).toBe(404);
  });

  it("answers 409 when a PATCH would make a second control or duplicate a variant", async () => {
    const segment = await createSegment();
    const make = async (body: Record<string, unknown>) =>
      (
        await api("POST", "/api/v1/segments/personalized", {
          content_id: (await seedContent()).id,
          segment_id: segment.id,
          ...body,
        })
      ).body;
    await make({ variant_id: "control", is_control: true });
    const variant = await make({ variant_id: "variant_a" });
    const url = `/api/v1/segments/personalized/${variant.id}`;
    expect((await api("PATCH", url, { is_control: true })).status).toBe(409);
    expect((await api("PATCH", url, { variant_id: "control" })).status).toBe(409);
    expect((await api("GET", url)).body).toMatchObject({ variant_id: "variant_a", is_control: false });
  });

  it("answers 404 for unknown ids and 422 for bad ids and bodies", async () => {
    const missing = `/api/v1/segments/personalized/${MISSING}`;
    expect((await api("GET", missing)).status).toBe(404);
    expect((await api("PATCH", missing, { is_control: false })).status).toBe(404);
    const bad = await api("GET", "/api/v1/segments/personalized/not-a-uuid");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: "personalized_id", location: "path" });
    expect((await api("PATCH", missing, {})).status).toBe(422);
    expect((await api("PATCH", missing, { view_count: 5 })).status).toBe(422);
  });
});
