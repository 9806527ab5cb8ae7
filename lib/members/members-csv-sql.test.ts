import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { snapshotCopyCsv } from "@/db/copy-csv";
import { csvField, csvNumberSql, csvRecord, csvTextSql, csvTimestampSql } from "./members-csv";

// The export's SQL formatting (through COPY, as the export runs it) against csvField, the JavaScript
// definition of each field, on whichever database the suite runs on.

interface Row {
  text: string | null;
  number: number;
  /** Milliseconds since the epoch, plus microseconds that a Date cannot hold. */
  at: { ms: number; micros: number };
}

/** PostgreSQL text cannot hold NUL; everything else goes, with the characters that matter made common. */
const text = fc.option(
  fc.string({
    unit: fc.oneof(
      fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "'", " ", "é", "😀"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c !== "\u0000"),
    ),
    maxLength: 12,
  }),
);
const number = fc.oneof(
  fc.double(),
  fc.double({ min: 0, max: 1 }),
  fc.constantFrom(0, -0, 1e-4, 9.999999999999999e-5, 1e-5, 1e-6, 1e-7, 1e15, 1e21, 0.1 + 0.2, 5e-324),
);
const at = fc.record({
  ms: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(9999, 11, 31) }),
  micros: fc.integer({ min: 0, max: 999 }),
});

/** A float8 literal: String() loses the sign of -0. */
const floatText = (value: number) => (Object.is(value, -0) ? "-0" : String(value));
const timestampText = ({ ms, micros }: Row["at"]) =>
  `${new Date(ms).toISOString().slice(0, -1)}${String(micros).padStart(3, "0")}Z`;

async function copied(select: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  await snapshotCopyCsv(select, new Uint8Array(), async (chunk) => {
    chunks.push(chunk);
    return true;
  });
  return new TextDecoder().decode(Buffer.concat(chunks));
}

describe("the export's SQL formatting", () => {
  beforeAll(async () => {
    const db = await getDb();
    await db.execute(sql`create table csv_oracle (i int primary key, t text, n float8, at timestamptz)`);
  });

  it("writes every text, number and time as csvField does", async () => {
    const db = await getDb();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text, number, at }), { minLength: 1, maxLength: 20 }),
        async (rows) => {
          await db.execute(sql`delete from csv_oracle`);
          for (const [i, row] of rows.entries()) {
            await db.execute(sql`insert into csv_oracle values
            (${i}, ${row.text}, ${floatText(row.number)}::float8, ${timestampText(row.at)}::timestamptz)`);
          }
          const expected = rows
            .map((row, i) => csvRecord([i, row.text, row.number, new Date(row.at.ms)]))
            .join("");
          const select = `select i, ${csvTextSql("t")}, ${csvNumberSql("n")}, ${csvTimestampSql("at")}
          from csv_oracle order by i`;
          expect(await copied(select)).toBe(expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("neutralises formulas in SQL as csvField does", async () => {
    const db = await getDb();
    await db.execute(sql`delete from csv_oracle`);
    const formulas = ['=HYPERLINK("http://evil")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "a=b", ""];
    for (const [i, formula] of formulas.entries()) {
      await db.execute(sql`insert into csv_oracle (i, t) values (${i}, ${formula})`);
    }
    expect(await copied(`select ${csvTextSql("t")} from csv_oracle order by i`)).toBe(
      formulas.map((formula) => `${csvField(formula)}\r\n`).join(""),
    );
  });
});
