import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { personalizedContent } from "@/db/schema";
import { contentPageSchema, contentSchema } from "@/lib/content/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

const unknownId = "00000000-0000-4000-8000-000000000000";

async function createPersona() {
  const res = await api("POST", "/api/v1/personas", { name: uniqueName("Content persona") });
  expect(res.status).toBe(201);
  return res.body;
}

async function createContent(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/content", { title: uniqueName("Article"), ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("content", () => {
  it("creates content with defaults and reads it back", async () => {
    const persona = await createPersona();
    const res = await api("POST", "/api/v1/content", {
      persona_id: persona.id,
      title: "AI Trends 2025",
      body: "What changed this year",
      metadata: { reading_minutes: 6 },
    });
    expect(res.status).toBe(201);
    const item = contentSchema.parse(res.body);
    expect(item).toMatchObject({ content_type: "article", persona_id: persona.id });
    expect((await api("GET", `/api/v1/content/${item.id}`)).body).toEqual(res.body);
  });

  it("answers 422 for an unknown persona and invalid fields", async () => {
    const missing = await api("POST", "/api/v1/content", { title: "Orphan", persona_id: unknownId });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0]).toMatchObject({ field: "persona_id", location: "body" });
    const invalid = await api("POST", "/api/v1/content", { title: "", content_type: "podcast" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "content_type",
      "title",
    ]);
  });

  it("lists by persona, type and search", async () => {
    const persona = await createPersona();
    const tag = uniqueName("Clip");
    await createContent({ persona_id: persona.id, title: `${tag} one`, content_type: "video" });
    await createContent({ persona_id: persona.id, title: `${tag} two`, content_type: "email" });
    await createContent({ title: `${tag} three`, content_type: "video" });
    const byPersona = await api("GET", `/api/v1/content?persona_id=${persona.id}`);
    expect(contentPageSchema.parse(byPersona.body).total).toBe(2);
    const videos = await api("GET", `/api/v1/content?search=${encodeURIComponent(tag)}&content_type=video`);
    expect(videos.body.total).toBe(2);
    const both = await api(
      "GET",
      `/api/v1/content?persona_id=${persona.id}&content_type=video&search=${encodeURIComponent(tag)}`,
    );
    expect(both.body.items.map((c: { title: string }) => c.title)).toEqual([`${tag} one`]);
    expect((await api("GET", "/api/v1/content?content_type=podcast")).status).toBe(422);
    expect((await api("GET", "/api/v1/content?persona_id=abc")).status).toBe(422);
  });

  it("updates with PUT and PATCH and checks the persona", async () => {
    const item = await createContent({ body: "Body" });
    const put = await api("PUT", `/api/v1/content/${item.id}`, { content_type: "video" });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ title: item.title, body: "Body", content_type: "video" });
    const patch = await api("PATCH", `/api/v1/content/${item.id}`, { metadata: { duration_seconds: 90 } });
    expect(patch.body).toMatchObject({ content_type: "video", metadata: { duration_seconds: 90 } });
    const badPersona = await api("PATCH", `/api/v1/content/${item.id}`, { persona_id: unknownId });
    expect(badPersona.status).toBe(422);
    expect((await api("PATCH", `/api/v1/content/${unknownId}`, { title: "x" })).status).toBe(404);
  });

  it("deletes content with its personalized content", async () => {
    const item = await createContent();
    const segment = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Cascade"),
      criteria: {},
    });
    const db = await getDb();
    const [placed] = await db
      .insert(personalizedContent)
      .values({ content_id: item.id, segment_id: segment.body.id, variant_id: "control", is_control: true })
      .returning();
    expect((await api("DELETE", `/api/v1/content/${item.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/content/${item.id}`)).status).toBe(404);
    const left = await db.select().from(personalizedContent).where(eq(personalizedContent.id, placed.id));
    expect(left).toEqual([]);
    expect((await api("DELETE", `/api/v1/content/${item.id}`)).status).toBe(404);
  });
});
