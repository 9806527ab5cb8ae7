import { describe, expect, it } from "vitest";
import { csvField, csvRecord } from "./members-csv";

describe("csvField", () => {
  it("leaves plain values as they are and empties null", () => {
    expect(csvField("ada@example.com")).toBe("ada@example.com");
    expect(csvField(0.85)).toBe("0.85");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05.678Z");
  });

  it("quotes commas, quotes and line breaks, doubling the quotes", () => {
    expect(csvField("Lovelace, Ada")).toBe('"Lovelace, Ada"');
    expect(csvField('Ada "Countess" Lovelace')).toBe('"Ada ""Countess"" Lovelace"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("carriage\rreturn")).toBe('"carriage\rreturn"');
  });
});

describe("csvField against formula injection", () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
  ])("prefixes %j with a quote so that a spreadsheet shows it as text", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("leaves the characters alone past the first, and numbers and dates as they are", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("ada+news@example.com")).toBe("ada+news@example.com");
    expect(csvField(-0.5)).toBe("-0.5");
    expect(csvField(new Date("2026-01-02T03:04:05.678Z"))).toBe("2026-01-02T03:04:05.678Z");
  });
});

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", null, 1, 'b"c'])).toBe('a,,1,"b""c"\r\n');
  });
});
