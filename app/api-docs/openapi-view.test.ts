import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, operations } from "@/lib/openapi/document";
import {
  curlExample,
  describeType,
  exampleBody,
  groupByTag,
  listFields,
  type OpenApiDocument,
} from "./openapi-view";

const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
const groups = groupByTag(doc);
const views = groups.flatMap((group) => group.operations);

describe("API reference view", () => {
  it("lists every documented operation once, grouped by tag", () => {
    expect(views).toHaveLength(operations.length);
    expect(groups.map((g) => g.tag)).toEqual(
      expect.arrayContaining(["Segments", "Users", "Personas", "Content"]),
    );
    expect(new Set(views.map((v) => v.anchor)).size).toBe(views.length);
  });

  it("builds example bodies that the API itself accepts", () => {
    for (const op of operations.filter((o) => o.body)) {
      const view = views.find((v) => v.method === op.method && v.path === op.path);
      if (!view || !op.body) throw new Error(`${op.method} ${op.path} missing from the view`);
      const result = op.body.safeParse(exampleBody(view, doc));
      expect(result.success, `${op.operationId}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it("writes curl commands with path variables and a JSON body", () => {
    const create = views.find((v) => v.operation.operationId === "createSegment");
    const remove = views.find((v) => v.operation.operationId === "deleteUser");
    if (!create || !remove) throw new Error("operations missing");
    const command = curlExample(create, doc);
    expect(command).toContain('curl -X POST "http://localhost:3000/api/v1/segments"');
    expect(command).toContain('"segment_name"');
    expect(curlExample(remove, doc)).toBe('curl -X DELETE "http://localhost:3000/api/v1/users/$USER_ID"');
    const overlap = views.find((v) => v.path === "/api/v1/segments/overlap");
    if (!overlap) throw new Error("the overlap endpoint is not documented");
    expect(curlExample(overlap, doc)).toContain("/api/v1/segments/overlap?segment_ids=$SEGMENT_IDS");
  });

  it("describes types and required fields readably", () => {
    const create = views.find((v) => v.operation.operationId === "createUser");
    const schema = create?.operation.requestBody?.content["application/json"].schema;
    if (!schema) throw new Error("no body");
    const fields = Object.fromEntries(listFields(schema, doc).map((f) => [f.name, f]));
    expect(fields.age.type).toBe("integer, 0 to 130, or null");
    expect(fields.engagement_level.type).toBe("one of: low, medium, high, or null");
    expect(fields.interests.type).toMatch(/^array of string/);
    expect(fields.email.required).toBe(false);
    const segment = views.find((v) => v.operation.operationId === "createSegment");
    const segmentBody = segment?.operation.requestBody?.content["application/json"].schema;
    if (!segmentBody) throw new Error("no body");
    const segmentFields = listFields(segmentBody, doc);
    expect(segmentFields.find((f) => f.name === "segment_name")?.required).toBe(true);
    expect(segmentFields.find((f) => f.name === "strategy")?.defaultValue).toBe('"hybrid"');
    expect(describeType({ type: "string", format: "uuid" }, doc)).toBe("string (uuid)");
  });
});
