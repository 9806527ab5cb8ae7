import { describe, expect, it } from "vitest";
import { personaPageSchema, personaSchema } from "@/lib/personas/schemas";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

async function createPersona(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/personas", { name: uniqueName("Persona"), ...overrides });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("personas", () => {
  it("creates a persona and reads it back", async () => {
    const res = await api("POST", "/api/v1/personas", {
      name: uniqueName("Tech-Savvy Professional"),
      description: "Works in tech, reads about AI",
      attributes: { role: "engineer" },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/personas/${res.body.id}`);
    const persona = personaSchema.parse(res.body);
    expect(persona.attributes).toEqual({ role: "engineer" });
    const read = await api("GET", `/api/v1/personas/${persona.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it("rejects a missing name, a long name and unknown fields", async () => {
    const res = await api("POST", "/api/v1/personas", { name: "x".repeat(101), colour: "blue" });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["(root)", "name"]);
    const missing = await api("POST", "/api/v1/personas", { description: "no name" });
    expect(missing.body.errors[0].field).toBe("name");
  });

  it("lists with search and pagination", async () => {
    const tag = uniqueName("Listed");
    await createPersona({ name: `${tag} A` });
    await createPersona({ name: `${tag} B` });
    const res = await api("GET", `/api/v1/personas?search=${encodeURIComponent(tag)}&limit=1`);
    expect(res.status).toBe(200);
    const page = personaPageSchema.parse(res.body);
    expect(page.total).toBe(2);
    expect(page.items.map((p) => p.name)).toEqual([`${tag} A`]);
    expect((await api("GET", "/api/v1/personas?limit=0")).status).toBe(422);
  });

  it("updates with PUT and PATCH", async () => {
    const persona = await createPersona({ description: "Before" });
    const put = await api("PUT", `/api/v1/personas/${persona.id}`, { attributes: { tier: 1 } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ name: persona.name, description: "Before", attributes: { tier: 1 } });
    const patch = await api("PATCH", `/api/v1/personas/${persona.id}`, { description: null });
    expect(patch.body).toMatchObject({ description: null, attributes: { tier: 1 } });
    expect((await api("PATCH", `/api/v1/personas/${persona.id}`, {})).status).toBe(422);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await api("PATCH", `/api/v1/personas/${unknown}`, { name: "x" })).status).toBe(404);
  });

  it("deletes a persona, keeping its segments and content without a persona", async () => {
    const persona = await createPersona();
    const segment = await api("POST", "/api/v1/segments", {
      persona_id: persona.id,
      segment_name: uniqueName("Kept"),
      criteria: {},
    });
    const item = await api("POST", "/api/v1/content", { persona_id: persona.id, title: "Kept too" });
    expect(segment.status).toBe(201);
    expect(item.status).toBe(201);
    expect((await api("DELETE", `/api/v1/personas/${persona.id}`)).status).toBe(204);
    expect((await api("GET", `/api/v1/personas/${persona.id}`)).status).toBe(404);
    expect((await api("DELETE", `/api/v1/personas/${persona.id}`)).status).toBe(404);
    expect((await api("GET", `/api/v1/segments/${segment.body.id}`)).body.persona_id).toBeNull();
    expect((await api("GET", `/api/v1/content/${item.body.id}`)).body.persona_id).toBeNull();
  });

  it("answers 422 for a non-UUID id", async () => {
    const res = await api("GET", "/api/v1/personas/123");
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: "persona_id", location: "path" });
  });
});
