import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { queryRows } from "@/db/rows";
import { initializeDatabaseOnce } from "@/db/seed/demo";

describe("initializeDatabaseOnce", () => {
  it("marks a new database once, and never loads demo data into one that was set up before", async () => {
    const db = await getDb();
    // Set up without demo data (SEED_DEMO_DATA=false at the first start): marked, still empty.
    expect(await initializeDatabaseOnce(db, false)).toBe(false);
    const [marker] = await queryRows<{ key: string }>(db, sql`select key from app_meta`);
    expect(marker?.key).toBe("initialized_at");
    // A later start with seeding on finds the marker: the owner's empty database stays empty.
    expect(await initializeDatabaseOnce(db, true)).toBe(false);
    const [counts] = await queryRows<{ users: number; segments: number }>(
      db,
      sql`select (select count(*) from users)::int as users, (select count(*) from audience_segments)::int as segments`,
    );
    expect(counts).toEqual({ users: 0, segments: 0 });
  });
});
