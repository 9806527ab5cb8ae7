import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { operations } from "@/lib/openapi/document";
import { apiTypesPath, generateApiTypes } from "./generate-api-types";

describe("the typed client's generated types", () => {
  it("match the OpenAPI document (run `npm run api:types` after changing a schema)", async () => {
    const committed = await readFile(apiTypesPath, "utf8");
    expect(committed === (await generateApiTypes()), "lib/client/api-types.ts is out of date").toBe(true);
  });

  it("describe every documented path", async () => {
    const generated = await generateApiTypes();
    for (const operation of operations) expect(generated).toContain(`"${operation.path}": {`);
  });
});
