import { describe, expect, it } from "vitest";
import { normalizeCountryCode, normalizeTags } from "./normalize";

describe("profile normalisation", () => {
  it("folds UK into GB and upper-cases codes", () => {
    expect(normalizeCountryCode(" uk ")).toBe("GB");
    expect(normalizeCountryCode("us")).toBe("US");
  });

  it("lower-cases, trims and de-duplicates tags", () => {
    expect(normalizeTags([" AI", "ai", "Gadgets", ""])).toEqual(["ai", "gadgets"]);
  });
});
