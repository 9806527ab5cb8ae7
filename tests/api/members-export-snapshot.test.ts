import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { NewUser } from "@/db/schema";
import type * as reads from "@/lib/members/read-queries";
import { exportMembersCsv } from "@/lib/members/service";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";
import { seedUsers } from "../support/seed-users";

// The export's database read can be made to fail right after the header; by default it is the real one.
const failure = vi.hoisted(() => ({ afterHeader: false }));
vi.mock("@/lib/members/read-queries", async (importOriginal) => {
  const actual = await importOriginal<typeof reads>();
  return {
    ...actual,
    copyMembersCsv: async (...args: Parameters<typeof actual.copyMembersCsv>) => {
      if (!failure.afterHeader) return actual.copyMembersCsv(...args);
      const [, head, write] = args;
      await write(head);
      throw new Error("disk on fire");
    },
  };
});

const onServer = Boolean(process.env.DATABASE_URL);

/** The export's sessions on PostgreSQL (db/copy-csv.ts names them). */
async function exportSessions(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    await getDb(),
    sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = 'csv-export'`,
  );
  return Number(row.n);
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

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
    failure.afterHeader = false;
  });

  it("reads one snapshot: members added while the file is read are not in it", async () => {
    const segmentId = await segmentWithMembers(7);
    const stream = await exportMembersCsv(segmentId);
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

  it("fails the download when the database fails after the header was sent", async () => {
    const segmentId = await segmentWithMembers(5);
    failure.afterHeader = true;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const stream = await exportMembersCsv(segmentId);
    await expect(readAll(stream)).rejects.toThrow(/export failed/);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(`CSV export of segment ${segmentId} failed`));
    errors.mockRestore();
  });

  it("errors the response body through the route, after a 200 with the header", async () => {
    const segmentId = await segmentWithMembers(3);
    failure.afterHeader = true;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { GET } = await import("@/app/api/v1/segments/[segmentId]/members/export/route");
    const res = await GET(new Request(`http://localhost/api/v1/segments/${segmentId}/members/export`), {
      params: Promise.resolve({ segmentId }),
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    errors.mockRestore();
  });

  it("writes exactly the members, in joined_at then user id order, every field as csvField writes it", async () => {
    const segment = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Export exact"),
      criteria: { age_range: [1, 2] },
    });
    const segmentId = segment.body.id as string;
    // Each user beside the cells expected for its email, external id and name: RFC 4180 quoting, and a
    // leading ' before what a spreadsheet would run as a formula (= + - @ tab CR), written by the SQL.
    const group = (rows: [Partial<NewUser>, string[]][]) => rows;
    const first = group([
      [
        { email: "plain@example.com", external_id: "crm-1", name: "Plain Name" },
        ["plain@example.com", "crm-1", "Plain Name"],
      ],
      [
        { email: "comma@example.com", external_id: "crm,2", name: 'Quote "Q", Comma' },
        ["comma@example.com", '"crm,2"', '"Quote ""Q"", Comma"'],
      ],
      [{ email: null, external_id: null, name: null }, ["", "", ""]],
      [
        {
          email: "=cmd@example.com",
          external_id: "+33 1 23",
          name: '=HYPERLINK("http://evil", "click, here")',
        },
        ["'=cmd@example.com", "'+33 1 23", `"'=HYPERLINK(""http://evil"", ""click, here"")"`],
      ],
      [
        { email: "@at@example.com", external_id: "-12", name: "\t=1+2" },
        ["'@at@example.com", "'-12", "'\t=1+2"],
      ],
      [{ email: "empty@example.com", external_id: "", name: "" }, ["empty@example.com", "", ""]],
    ]);
    const second = group([
      [
        { email: "multi@example.com", external_id: "crm-4", name: "Line\nbreak Zoë" },
        ["multi@example.com", "crm-4", '"Line\nbreak Zoë"'],
      ],
      [
        { email: "cr@example.com", external_id: "crm-5", name: "Carriage\rreturn" },
        ["cr@example.com", "crm-5", '"Carriage\rreturn"'],
      ],
      [
        { email: "crf@example.com", external_id: "a=b", name: '\r=1, "two"\nthree' },
        ["crf@example.com", "a=b", `"'\r=1, ""two""\nthree"`],
      ],
    ]);
    const seeded = async (rows: [Partial<NewUser>, string[]][]) => {
      const users = await seedUsers(rows.map(([user]) => user));
      return users.map((user, i) => ({ id: user.id, cells: rows[i][1] }));
    };
    const firstUsers = await seeded(first);
    const secondUsers = await seeded(second);
    // Two bulk adds: the members of one share a joined_at, so the user id decides their order. Then single
    // adds whose scores JavaScript and PostgreSQL write differently unless the SQL takes care.
    await api("POST", `/api/v1/segments/${segmentId}/members`, {
      user_ids: firstUsers.map((u) => u.id),
      confidence_score: 0.25,
    });
    await api("POST", `/api/v1/segments/${segmentId}/members`, { user_ids: secondUsers.map((u) => u.id) });
    const scored = await seeded([
      [
        { email: "small@example.com", external_id: "s-1", name: "Small" },
        ["small@example.com", "s-1", "Small"],
      ],
      [{ email: "tiny@example.com", external_id: "s-2", name: "Tiny" }, ["tiny@example.com", "s-2", "Tiny"]],
      [{ email: "zero@example.com", external_id: "s-3", name: "Zero" }, ["zero@example.com", "s-3", "Zero"]],
    ]);
    const scores = ["0.00001", "1e-7", "0"];
    for (const [i, user] of scored.entries()) {
      const added = await api(
        "POST",
        `/api/v1/segments/${segmentId}/members/${user.id}?confidence_score=${scores[i]}`,
      );
      expect(added.status).toBe(201);
    }
    const listed = await api("GET", `/api/v1/segments/${segmentId}/members?sort=joined_at&limit=20`);
    const joinedAt = new Map<string, string>(
      listed.body.items.map((m: { user_id: string; joined_at: string }) => [m.user_id, m.joined_at]),
    );
    const line = (u: { id: string; cells: string[] }, score: string) =>
      [u.id, ...u.cells, score, "manual", joinedAt.get(u.id)].join(",");
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    const expected = [
      "user_id,email,external_id,name,confidence_score,source,joined_at",
      ...firstUsers.toSorted(byId).map((u) => line(u, "0.25")),
      ...secondUsers.toSorted(byId).map((u) => line(u, "1")),
      ...scored.map((u, i) => line(u, scores[i])),
    ]
      .map((record) => `${record}\r\n`)
      .join("");
    expect(await readAll(await exportMembersCsv(segmentId))).toBe(expected);
    const res = await api("GET", `/api/v1/segments/${segmentId}/members/export`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(expected);
  });

  it.runIf(onServer)("lets go of the database when the reader stops reading, and says so", async () => {
    const segmentId = await segmentWithMembers(3_000);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const reader = (await exportMembersCsv(segmentId, { stallMs: 200 })).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^user_id,/);
    await until(async () => (await exportSessions()) === 0, "the stalled export ended its transaction");
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return;
      })(),
    ).rejects.toThrow(/not read/);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("nothing read for 200 ms"));
    errors.mockRestore();
  });

  it.runIf(onServer)("ends the transaction when the reader cancels the download", async () => {
    const segmentId = await segmentWithMembers(3_000);
    const reader = (await exportMembersCsv(segmentId)).getReader();
    await reader.read();
    expect(await exportSessions()).toBe(1);
    await reader.cancel();
    await until(async () => (await exportSessions()) === 0, "the cancelled export ended its transaction");
    const again = (await readAll(await exportMembersCsv(segmentId))).trim().split("\r\n");
    expect(again).toHaveLength(3_001);
  });
});
