import { describe, expect, it } from "vitest";
import { once } from "./once";

describe("once", () => {
  it("makes the value on first use only, then returns the same one", () => {
    let made = 0;
    const get = once(() => {
      made += 1;
      return { made };
    });
    expect(made).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(made).toBe(1);
  });
});
