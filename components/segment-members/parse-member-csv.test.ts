import { describe, expect, it } from "vitest";
import { chunkIdentifiers, parseCsvRows, parseMemberCsv } from "./parse-member-csv";

const id1 = "3f1c2b9e-8d4a-4c1e-9b7a-1a2b3c4d5e6f";
const id2 = "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE";

describe("parseCsvRows", () => {
  it("handles quotes, escaped quotes, CRLF and a byte order mark", () => {
    expect(parseCsvRows('\uFEFFa,"b,c"\r\n"say ""hi""",d\n\n')).toEqual([
      ["a", "b,c"],
      ['say "hi"', "d"],
    ]);
  });

  it("keeps a line break inside a quoted cell", () => {
    expect(parseCsvRows('"line\nbreak",x')).toEqual([["line\nbreak", "x"]]);
  });
});

describe("parseMemberCsv", () => {
  it("reads one identifier per line, sorting ids from emails and reporting the rest", () => {
    const parsed = parseMemberCsv(`${id1}\nAnna@Example.com\n\nnot an id\n${id1}\n`);
    expect(parsed).toEqual({
      userIds: [id1],
      emails: ["anna@example.com"],
      externalIds: [],
      invalid: ["not an id"],
    });
  });

  it("reads the user_id and email columns of a file with a header, ignoring the other columns", () => {
    const text = `name,email,user_id\nAnna,anna@example.com,\nBen,,${id2}\nCy,cy@example.com,${id1}\n`;
    const parsed = parseMemberCsv(text);
    expect(parsed.userIds.sort()).toEqual([id1, id2.toLowerCase()].sort());
    expect(parsed.emails).toEqual(["anna@example.com"]);
    expect(parsed.invalid).toEqual([]);
  });

  it("reads the members export (user_id,email,external_id,…)", () => {
    const text = `user_id,email,external_id,name,confidence_score,source,joined_at\n${id1},a@b.co,ext-1,"Doe, Jane",1,manual,2026-01-01T00:00:00Z\n,,ext-2,,,,\n`;
    const parsed = parseMemberCsv(text);
    expect(parsed.userIds).toEqual([id1]);
    expect(parsed.externalIds).toEqual(["ext-2"]);
  });

  it("treats a lone header cell named email as a header, not as a value", () => {
    expect(parseMemberCsv("Email\nx@y.z\n")).toEqual({
      userIds: [],
      emails: ["x@y.z"],
      externalIds: [],
      invalid: [],
    });
  });
});

describe("chunkIdentifiers", () => {
  it("cuts requests at the limit across kinds of identifier", () => {
    const parsed = {
      userIds: ["u1", "u2", "u3"],
      emails: ["e1", "e2"],
      externalIds: [],
      invalid: [],
    };
    expect(chunkIdentifiers(parsed, 2)).toEqual([
      { user_ids: ["u1", "u2"] },
      { user_ids: ["u3"], emails: ["e1"] },
      { emails: ["e2"] },
    ]);
  });

  it("keeps 25,000 identifiers in three requests of at most 10,000", () => {
    const parsed = {
      userIds: Array.from({ length: 25_000 }, (_, i) => `u${i}`),
      emails: [],
      externalIds: [],
      invalid: [],
    };
    const chunks = chunkIdentifiers(parsed);
    expect(chunks.map((chunk) => chunk.user_ids?.length)).toEqual([10_000, 10_000, 5_000]);
  });
});
