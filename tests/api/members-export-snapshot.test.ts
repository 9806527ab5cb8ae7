import { afterEach, describe, expect, it, vi } from "vitest";
import type * as reads from "@/lib/members/read-queries";
import { exportMembersCsv } from "@/lib/members/service";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

// The export's page reader can be made to fail on a chosen page; by default it is the real one.
const failOnPage = vi.hoisted(() => ({ page: 0, calls: 0 }));
vi.mock("@/lib/members/read-queries", async (importOriginal) => {
  const actual = await importOriginal<typeof reads>();
  return {
    ...actual,
    exportMembersPage: async (...args: Parameters<typeof actual.exportMembersPage>) => {
      failOnPage.calls += 1;
      if (failOnPage.page && failOnPage.calls === failOnPage.page) throw new Error("disk on fire");
      return actual.exportMembersPage(...args);
    },
  };
});

async function segmentWithMembers(count: number) {
  const segment = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Export"),
    criteria: { age_range: [1, 2] },
  });
  const people = await seedUsers(Array.from({ length: count }, () => ({})));
  const added = await api("POST", `/api/v1/segments/${segment.body.id}/members`, {
    user_ids: people.map((p) => p.id),
  });
  expect(added.body.added).toBe(count);
  return segment.body.id as string;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("CSV export", () => {
  afterEach(() => {
    failOnPage.page = 0;
    failOnPage.calls = 0;
  });

  it("reads one snapshot: members added while the file is read are not in it", async () => {
    const segmentId = await segmentWithMembers(7);
    const stream = await exportMembersCsv(segmentId, 2);
    const reader = stream.getReader();
    const header = await reader.read();
    expect(new TextDecoder().decode(header.value)).toMatch(/^user_id,/);
    // Members who join after the export began (in later pages by joined_at) must not appear.
    const late = await seedUsers(Array.from({ length: 3 }, () => ({})));
    const added = await api("POST", `/api/v1/segments/${segmentId}/members`, {
      user_ids: late.map((p) => p.id),
    });
    expect(added.body.added).toBe(3);
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const ids = text
      .trim()
      .split("\r\n")
      .map((line) => line.split(",")[0]);
    expect(ids).toHaveLength(7);
    expect(ids.some((id) => late.some((p) => p.id === id))).toBe(false);
  });

  it("fails the download when a page cannot be read after the header was sent", async () => {
    const segmentId = await segmentWithMembers(5);
    failOnPage.page = 2;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const stream = await exportMembersCsv(segmentId, 2);
    await expect(readAll(stream)).rejects.toThrow(/export failed/);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`CSV export of segment ${segmentId} failed`));
    errors.mockRestore();
  });

  it("errors the response body through the route, after a 200 with the header", async () => {
    const segmentId = await segmentWithMembers(3);
    failOnPage.page = 1;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = await import("@/app/api/v1/segments/[segmentId]/members/export/route");
    const res = await GET(new Request(`http://localhost/api/v1/segments/${segmentId}/members/export`), {
      params: Promise.resolve({ segmentId }),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    errors.mockRestore();
  });

  it("writes exactly the members, in joined_at then user id order, across page boundaries", async () => {
    const segment = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Export exact"),
      criteria: { age_range: [1, 2] },
    });
    const segmentId = segment.body.id as string;
    const first = await seedUsers([
      { email: "plain@example.com", external_id: "crm-1", name: "Plain Name" },
      { email: "comma@example.com", external_id: "crm,2", name: 'Quote "Q", Comma' },
      { email: null, external_id: null, name: null },
    ]);
    const second = await seedUsers([
      { email: "multi@example.com", external_id: "crm-4", name: "Line\nbreak Zoë" },
      { email: "cr@example.com", external_id: "crm-5", name: "Carriage\rreturn" },
    ]);
    // Two bulk adds: the members of one share a joined_at, so the user id decides their order.
    await api("POST", `/api/v1/segments/${segmentId}/members`, {
      user_ids: first.map((u) => u.id),
      confidence_score: 0.25,
    });
    await api("POST", `/api/v1/segments/${segmentId}/members`, { user_ids: second.map((u) => u.id) });
    const listed = await api("GET", `/api/v1/segments/${segmentId}/members?sort=joined_at&limit=10`);
    const joinedAt = new Map<string, string>(
      listed.body.items.map((m: { user_id: string; joined_at: string }) => [m.user_id, m.joined_at]),
    );
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
    const line = (u: (typeof first)[number], score: string) =>
      [
        u.id,
        u.email ?? "",
        u.external_id === null ? "" : /[,"\r\n]/.test(u.external_id) ? quote(u.external_id) : u.external_id,
        u.name === null ? "" : /[,"\r\n]/.test(u.name) ? quote(u.name) : u.name,
        score,
        "manual",
        joinedAt.get(u.id),
      ].join(",");
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const expected = [
      "user_id,email,external_id,name,confidence_score,source,joined_at",
      ...first.toSorted(byId).map((u) => line(u, "0.25")),
      ...second.toSorted(byId).map((u) => line(u, "1")),
    ]
      .map((record) => `${record}\r\n`)
      .join("");
    for (const pageSize of [2, 3, 5, 20_000]) {
      expect(await readAll(await exportMembersCsv(segmentId, pageSize)), `pages of ${pageSize}`).toBe(
        expected,
      );
    }
    const res = await api("GET", `/api/v1/segments/${segmentId}/members/export`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(expected);
  });
});
