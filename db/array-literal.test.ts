import { describe, expect, it } from "vitest";
import { arrayLiteral } from "./array-literal";

describe("arrayLiteral", () => {
  it("quotes every element, escapes quotes and backslashes, and writes NULL for null", () => {
    expect(arrayLiteral(["a", 'say "hi"', "back\\slash", "", null, undefined, 3, 1.5, true])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","",NULL,NULL,"3","1.5","true"}',
    );
    expect(arrayLiteral([])).toBe("{}");
  });

  it("nests an array literal as one element", () => {
    expect(arrayLiteral([arrayLiteral(["x", 'y"']), arrayLiteral([])])).toBe(
      '{"{\\"x\\",\\"y\\\\\\"\\"}","{}"}',
    );
  });
});
