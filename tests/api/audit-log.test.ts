import { describe, expect, it } from "vitest";
import { runWithActor } from "@/lib/audit/actor-context";
import { auditPageSchema } from "@/lib/audit/schemas";
import { createPersonaSchema } from "@/lib/personas/schemas";
import { createPersona } from "@/lib/personas/service";
import { updateSegment } from "@/lib/segments/service";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

async function auditOf(query: Record<string, string>) {
  const res = await api("GET", `/api/v1/audit-log?${new URLSearchParams(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return auditPageSchema.parse(res.body);
}

async function createSegment(overrides: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Audited"),
    criteria: { age_range: [30, 60] },
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; segment_name: string };
}

describe("GET /api/v1/audit-log", () => {
  it("records a create, an update with the diff of what changed, and a delete, newest first", async () => {
    const segment = await createSegment({ description: "first" });
    const update = await api("PATCH", `/api/v1/segments/${segment.id}`, {
      description: "second",
      status: "active",
      criteria: { age_range: [40, 60] },
    });
    expect(update.status).toBe(200);
    expect((await api("DELETE", `/api/v1/segments/${segment.id}`)).status).toBe(204);

    const page = await auditOf({ resource_type: "segment", resource_id: segment.id });
    expect(page.items.map((entry) => entry.action)).toEqual(["delete", "update", "create"]);
    const [deleted, updated, created] = page.items;
    for (const entry of page.items) {
      expect(entry.actor).toEqual({ type: "local" });
      expect(entry.resource_type).toBe("segment");
      expect(entry.resource_id).toBe(segment.id);
    }
    expect(created.changes.segment_name).toEqual({ before: null, after: segment.segment_name });
    expect(created.changes.criteria).toEqual({ before: null, after: { age_range: [30, 60] } });
    // status was sent but did not change: only the fields that changed are in the diff.
    expect(Object.keys(updated.changes)).toEqual(expect.arrayContaining(["criteria", "description"]));
    expect(Object.keys(updated.changes)).not.toContain("status");
    expect(updated.changes.description).toEqual({ before: "first", after: "second" });
    expect(updated.changes.criteria).toEqual({
      before: { age_range: [30, 60] },
      after: { age_range: [40, 60] },
    });
    expect(deleted.changes.segment_name).toEqual({ before: segment.segment_name, after: null });
    expect(Date.parse(deleted.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
  });

  it("records a bulk write as one entry with counts, without the identifiers", async () => {
    const segment = await createSegment();
    const users = await seedUsers(25);
    const added = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      user_ids: users.map((user) => user.id),
      external_ids: ["nobody-1", "nobody-2"],
      skip_unknown: true,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const removed = await api("POST", `/api/v1/segments/${segment.id}/members/remove`, {
      user_ids: users.slice(0, 5).map((user) => user.id),
    });
    expect(removed.status).toBe(200);

    const page = await auditOf({ resource_id: segment.id });
    const [removal, addition] = page.items;
    expect(addition.action).toBe("add_members");
    expect(addition.summary).toEqual({ requested: 27, added: 25, updated: 0, not_found: 2 });
    expect(addition.changes).toEqual({ member_count: { before: 0, after: 25 } });
    expect(removal.action).toBe("remove_members");
    expect(removal.summary).toEqual({ removed: 5, not_members: 0 });
    expect(removal.changes).toEqual({ member_count: { before: 25, after: 20 } });
    expect(JSON.stringify(page.items)).not.toContain(users[0].id);
  });

  it("records nothing for a write that fails, because the entry shares its transaction", async () => {
    const segment = await createSegment();
    const before = await auditOf({ resource_id: segment.id });
    const refused = await api("POST", `/api/v1/segments/${segment.id}/members`, {
      external_ids: ["nobody-at-all"],
    });
    expect(refused.status).toBe(422);
    expect((await auditOf({ resource_id: segment.id })).items).toEqual(before.items);
  });

  it("names the actor of the request, and filters by actor", async () => {
    const actor = {
      type: "api_key" as const,
      id: `key-${uniqueName("k").replace(/\W/g, "")}`,
      label: "CI key",
    };
    const name = uniqueName("Persona");
    // Through the service: withApi sets the request's actor from its credentials (issue 11, authentication).
    const created = {
      body: await runWithActor(actor, () => createPersona(createPersonaSchema.parse({ name }))),
    };
    const byKey = await auditOf({ actor: `api_key:${actor.id}` });
    expect(byKey.items).toHaveLength(1);
    expect(byKey.items[0]).toMatchObject({
      actor,
      action: "create",
      resource_type: "persona",
      resource_id: created.body.id,
      changes: { name: { before: null, after: name } },
    });
    const local = await auditOf({ actor: "local", limit: "200" });
    expect(local.items.every((entry) => entry.actor.type === "local")).toBe(true);
    expect((await auditOf({ actor: "api_key" })).items.map((entry) => entry.id)).toContain(byKey.items[0].id);
  });

  it("pages with a cursor, skipping and repeating nothing while new entries arrive", async () => {
    const type = "content";
    for (let i = 0; i < 7; i++) {
      expect((await api("POST", "/api/v1/content", { title: uniqueName("Paged") })).status).toBe(201);
    }
    const all = await auditOf({ resource_type: type, limit: "200" });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof auditOf>> = await auditOf({
        resource_type: type,
        limit: "3",
        ...(cursor ? { cursor } : {}),
      });
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.next_cursor;
      pages += 1;
      // A write between pages lands before the first page, never inside the walk.
      if (pages === 1) await api("POST", "/api/v1/content", { title: uniqueName("Meanwhile") });
    } while (cursor);
    expect(seen).toEqual(all.items.map((entry) => entry.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(all.items.length / 3));
  });

  it("records users, content, personalized content and experiment settings", async () => {
    const user = await api("POST", "/api/v1/users", {
      external_id: uniqueName("u").replace(/\W/g, ""),
      age: 30,
    });
    expect(user.status).toBe(201);
    await api("PATCH", `/api/v1/users/${user.body.id}`, { age: 31 });
    const userEntries = await auditOf({ resource_type: "user", resource_id: user.body.id });
    expect(userEntries.items.map((entry) => entry.action)).toEqual(["update", "create"]);
    expect(userEntries.items[0].changes).toEqual({ age: { before: 30, after: 31 } });

    const segment = await createSegment();
    const content = await api("POST", "/api/v1/content", { title: uniqueName("Hero") });
    const arm = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.body.id,
      segment_id: segment.id,
      variant_id: "a",
    });
    expect(arm.status, JSON.stringify(arm.body)).toBe(201);
    await api("PATCH", `/api/v1/segments/personalized/${arm.body.id}`, { traffic_weight: 3 });
    const armEntries = await auditOf({ resource_type: "personalized_content", resource_id: arm.body.id });
    expect(armEntries.items.map((entry) => entry.action)).toEqual(["update", "create"]);
    expect(armEntries.items[0].changes).toEqual({ traffic_weight: { before: 1, after: 3 } });

    const settings = await api("PUT", `/api/v1/segments/${segment.id}/experiment`, {
      primary_metric: "engagement",
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const experiment = await auditOf({ resource_type: "experiment", resource_id: segment.id });
    expect(experiment.items[0].action).toBe("update");
    expect(experiment.items[0].changes.primary_metric?.after).toBe("engagement");
  });

  it("keeps a big value out of the entry, with its size", async () => {
    const persona = await api("POST", "/api/v1/personas", {
      name: uniqueName("Big"),
      attributes: { notes: "x".repeat(5000) },
    });
    expect(persona.status).toBe(201);
    const [entry] = (await auditOf({ resource_type: "persona", resource_id: persona.body.id })).items;
    expect(entry.changes.attributes.after).toMatchObject({ omitted: true });
    expect(JSON.stringify(entry).length).toBeLessThan(4000);
  });

  it.each([
    ["actor", "robot"],
    ["cursor", "abc"],
    ["cursor", "0"],
    ["limit", "0"],
    ["limit", "201"],
    ["colour", "blue"],
  ])("answers 422 naming %s for %j", async (field, value) => {
    const res = await api("GET", `/api/v1/audit-log?${field}=${value}`);
    expect(res.status).toBe(422);
    const named = res.body.errors.map(
      (error: { field: string; message: string }) => `${error.field} ${error.message}`,
    );
    expect(named.join("; ")).toContain(field);
  });
});

describe("segment revisions", () => {
  it("record their author", async () => {
    const actor = { type: "user" as const, id: "u-1", label: "ada@example.com" };
    const segment = await createSegment();
    await runWithActor(actor, () => updateSegment(segment.id, { description: "by Ada" }));
    const res = await api("GET", `/api/v1/segments/${segment.id}/revisions`);
    expect(res.body.items.map((revision: { author: unknown }) => revision.author)).toEqual([
      actor,
      { type: "local" },
    ]);
  });
});

describe("the audit log of keys and team members", () => {
  it("records a key's creation and revocation without the key, and a member's create, role change and delete", async () => {
    const key = await api("POST", "/api/v1/api-keys", {
      name: uniqueName("Audited key"),
      scopes: ["decide"],
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const { id: keyId, key: secret } = key.body as { id: string; key: string };
    expect((await api("DELETE", `/api/v1/api-keys/${keyId}`)).status).toBe(204);
    const keyLog = await auditOf({ resource_type: "api_key", resource_id: keyId });
    expect(keyLog.items.map((entry) => entry.action)).toEqual(["delete", "create"]);
    expect(keyLog.items[1].changes.scopes).toEqual({ before: null, after: ["decide"] });
    expect(JSON.stringify(keyLog)).not.toContain(secret);

    const email = `${uniqueName("member")
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")}@example.com`;
    const member = await api("POST", "/api/v1/team-members", {
      email,
      name: "Audited Member",
      password: "a long enough password",
      role: "viewer",
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    const memberId = (member.body as { id: string }).id;
    expect((await api("PATCH", `/api/v1/team-members/${memberId}`, { role: "editor" })).status).toBe(200);
    expect((await api("DELETE", `/api/v1/team-members/${memberId}`)).status).toBe(204);
    const memberLog = await auditOf({ resource_type: "team_member", resource_id: memberId });
    expect(memberLog.items.map((entry) => entry.action)).toEqual(["delete", "update", "create"]);
    expect(memberLog.items[1].changes).toEqual({ role: { before: "viewer", after: "editor" } });
    expect(JSON.stringify(memberLog)).not.toContain("a long enough password");
  });
});
