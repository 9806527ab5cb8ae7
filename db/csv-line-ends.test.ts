import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crlfRecordEnds } from "./csv-line-ends";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A field as COPY … (FORMAT csv) writes it: quoted when it holds a comma, a quote, CR or LF. */
const copyField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** Runs `bytes` through one converter, cut at `cuts`. */
function convert(bytes: Uint8Array, cuts: number[]): string {
  const toCrlf = crlfRecordEnds();
  const bounds = [0, ...cuts.map((cut) => cut % (bytes.length + 1)).sort((a, b) => a - b), bytes.length];
  const parts = bounds.slice(1).map((end, i) => toCrlf(bytes.subarray(bounds[i], end)));
  return parts.map((part) => decoder.decode(part, { stream: true })).join("") + decoder.decode();
}

describe("crlfRecordEnds", () => {
  it("ends records with CRLF and leaves line breaks inside quoted fields alone", () => {
    const text = 'a,b\n"x\ny",",""\n"\n\n"\r\n",z\n';
    expect(convert(encoder.encode(text), [])).toBe('a,b\r\n"x\ny",",""\n"\r\n\r\n"\r\n",z\r\n');
  });

  it("gives the same text however the input is cut into chunks", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", "😀", ",", '"', "\n", "\r", " ", "'") });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, cuts) => {
          const lines = records.map((fields) => fields.map(copyField).join(","));
          const copied = lines.map((line) => `${line}\n`).join("");
          expect(convert(encoder.encode(copied), cuts)).toBe(lines.map((line) => `${line}\r\n`).join(""));
        },
      ),
    );
  });
});
