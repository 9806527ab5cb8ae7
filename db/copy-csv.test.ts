import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "./client";
import { snapshotCopyCsv } from "./copy-csv";
import { queryRows } from "./rows";

const head = new TextEncoder().encode("n\r\n");

describe("snapshotCopyCsv", () => {
  it("writes the head, then the records with CRLF ends", async () => {
    const chunks: Uint8Array[] = [];
    await snapshotCopyCsv("select g, 'a\nb' from generate_series(1, 3) as g", head, async (chunk) => {
      chunks.push(chunk);
      return true;
    });
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('n\r\n1,"a\nb"\r\n2,"a\nb"\r\n3,"a\nb"\r\n');
  });

  it("rejects when the statement fails part way, after what it wrote, and the database stays usable", async () => {
    let written = 0;
    const failing = "select 1 / (150000 - g) from generate_series(1, 200000) as g";
    await expect(
      snapshotCopyCsv(failing, head, async (chunk) => {
        written += chunk.byteLength;
        return true;
      }),
    ).rejects.toThrow(/division by zero/);
    // On PostgreSQL the records before the failing one streamed out first; PGlite hands over nothing but the
    // head of a COPY that failed.
    if (process.env.DATABASE_URL) expect(written).toBeGreaterThan(100_000);
    else expect(written).toBe(head.byteLength);
    expect(await queryRows(await getDb(), sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
