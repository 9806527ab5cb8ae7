import { describe, expect, it } from "vitest";
import { specCriteriaExamples } from "@/lib/criteria/spec-examples";
import { api } from "../support/api";
import { uniqueName } from "../support/factories";

const fieldsOf = (res: { body: { errors: { field: string }[] } }) => res.body.errors.map((e) => e.field);

describe("criteria validation on segments", () => {
  it("accepts the spec's three examples and a nested hybrid", async () => {
    const examples = [
      specCriteriaExamples.demographics,
      specCriteriaExamples.behavioral,
      specCriteriaExamples.engagement,
      {
        any: [
          { engagement_level: ["high", "medium"], last_active_days: 30 },
          { field: "traits.vip", op: "eq", value: true },
        ],
        not: { field: "location", op: "in", value: ["us"] },
        min_match: 1,
      },
    ];
    for (const criteria of examples) {
      const res = await api("POST", "/api/v1/segments", { segment_name: uniqueName("Valid"), criteria });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.criteria).toEqual(criteria);
    }
  });

  it("answers 422 naming each invalid path on create", async () => {
    const res = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Invalid"),
      criteria: {
        age_range: [45, 25],
        interests: "technology",
        last_active_days: 0,
        all: [{ field: "age", op: "gt", value: "old" }, { unknown: true }],
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsOf(res)).toEqual(
      expect.arrayContaining([
        "criteria.age_range",
        "criteria.interests",
        "criteria.last_active_days",
        "criteria.all.0.value",
        "criteria.all.1.unknown",
      ]),
    );
  });

  it("answers 422 on update, leaving the segment as it was", async () => {
    const created = await api("POST", "/api/v1/segments", {
      segment_name: uniqueName("Keep"),
      criteria: { age_range: [1, 2] },
    });
    const res = await api("PATCH", `/api/v1/segments/${created.body.id}`, { criteria: { gender: 3 } });
    expect(res.status).toBe(422);
    expect(fieldsOf(res)).toEqual(["criteria.gender"]);
    expect((await api("GET", `/api/v1/segments/${created.body.id}`)).body.criteria).toEqual({
      age_range: [1, 2],
    });
  });

  it("answers 422 for criteria that are too deep or too large, never 500", async () => {
    let deep: Record<string, unknown> = { age_range: [1, 2] };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    const tooDeep = await api("POST", "/api/v1/segments/estimate", { criteria: deep });
    expect(tooDeep.status).toBe(422);
    const tooMany = await api("POST", "/api/v1/segments/estimate", {
      criteria: { any: Array.from({ length: 101 }, (_, i) => ({ field: "age", op: "eq", value: i })) },
    });
    expect(tooMany.status).toBe(422);
    expect(fieldsOf(tooMany)).toEqual(["criteria.any"]);
    const notAnObject = await api("POST", "/api/v1/segments/estimate", { criteria: ["age"] });
    expect(notAnObject.status).toBe(422);
  });
});
