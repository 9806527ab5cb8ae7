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

describe("csvRecord", () => {
  it("joins fields with commas and ends with CRLF", () => {
    expect(csvRecord(["a", null, 1, 'b"c'])).toBe('a,,1,"b""c"\r\n');
  });
});
