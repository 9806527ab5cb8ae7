import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { seedDemoDataIfEmpty } from "@/db/seed/demo";
import { SPEC_CONTENT_ID, SPEC_PERSONA_ID } from "@/db/seed/demo-catalog";
import { segmentPageSchema, segmentSchema } from "@/lib/segments/schemas";
import { api } from "../support/api";

// The usage examples of the spec (sections 5, 7, 8 and 9), replayed with their exact JSON against the demo
// data, which holds the persona and content ids the examples name.

let userId: string;

beforeAll(async () => {
  await seedDemoDataIfEmpty(await getDb());
  const users = await api(
    "GET",
    "/api/v1/users?interest=technology&engagement_level=high&min_age=25&max_age=45&limit=1",
  );
  userId = users.body.items[0].id;
}, 180_000);

describe("spec usage examples", () => {
  it("5: creates the Tech Enthusiasts segment, adds a member, targets content and reads analytics", async () => {
    const response = await api("POST", "/api/v1/segments/", {
      persona_id: "123e4567-e89b-12d3-a456-426614174000",
      segment_name: "Tech Enthusiasts",
      description: "Users interested in technology and gadgets",
      criteria: {
        age_range: [25, 45],
        interests: ["technology", "gadgets", "AI"],
        engagement_level: "high",
      },
      strategy: "hybrid",
    });
    expect(response.status).toBe(201);
    const segment = segmentSchema.parse(response.body);
    expect(segment).toMatchObject({ persona_id: SPEC_PERSONA_ID, status: "active", strategy: "hybrid" });

    const member = await api(
      "POST",
      `/api/v1/segments/${segment.id}/members/${userId}?confidence_score=0.85`,
    );
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ segment_id: segment.id, user_id: userId, confidence_score: 0.85 });
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).body.member_count).toBe(1);

    const personalized = await api("POST", "/api/v1/segments/personalized", {
      content_id: "456e4567-e89b-12d3-a456-426614174000",
      segment_id: segment.id,
      variant_id: "variant_a",
      is_control: false,
    });
    expect(personalized.status).toBe(201);
    expect(personalized.body).toMatchObject({
      content_id: SPEC_CONTENT_ID,
      variant_id: "variant_a",
      is_control: false,
    });

    const analytics = await api("GET", `/api/v1/segments/${segment.id}/analytics`);
    expect(analytics.status).toBe(200);
    expect(analytics.body.member_count).toBe(1);
    expect(typeof analytics.body.performance_summary.avg_engagement_rate).toBe("number");
    expect(Array.isArray(analytics.body.top_performing_content)).toBe(true);
    expect(Array.isArray(analytics.body.recommendations)).toBe(true);
    const analyzed = await api("POST", `/api/v1/segments/${segment.id}/analyze`);
    expect(analyzed.status).toBe(200);
    expect((await api("GET", `/api/v1/segments/${segment.id}`)).body.last_analyzed_at).not.toBeNull();

    const activeForPersona = await api(
      "GET",
      "/api/v1/segments/?persona_id=123e4567-e89b-12d3-a456-426614174000&status=active",
    );
    expect(activeForPersona.body.items.map((s: { id: string }) => s.id)).toContain(segment.id);
  });

  it("7 and 8: sets up a control and a variant, then tracks performance", async () => {
    const abSegment = await api("POST", "/api/v1/segments/", {
      persona_id: SPEC_PERSONA_ID,
      segment_name: "Tech Enthusiasts A/B",
      criteria: { interests: ["technology"] },
    });
    expect(abSegment.status).toBe(201);
    const otherContent = (
      await api("GET", `/api/v1/content?persona_id=${SPEC_PERSONA_ID}&content_type=video`)
    ).body;
    const contentIdA = otherContent.items[0].id;
    const control = await api("POST", "/api/v1/segments/personalized", {
      content_id: SPEC_CONTENT_ID,
      segment_id: abSegment.body.id,
      variant_id: "control",
      is_control: true,
    });
    expect(control.status).toBe(201);
    const variantA = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdA,
      segment_id: abSegment.body.id,
      variant_id: "variant_a",
      is_control: false,
    });
    expect(variantA.status).toBe(201);
    const secondControl = await api("POST", "/api/v1/segments/personalized", {
      content_id: contentIdA,
      segment_id: abSegment.body.id,
      variant_id: "variant_c",
      is_control: true,
    });
    expect(secondControl.status).toBe(409);
    const tracked = await api("POST", `/api/v1/segments/personalized/${variantA.body.id}/performance`, {
      views: 1000,
      engagement: 150,
      conversions: 25,
    });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ view_count: 1000, engagement_count: 150, conversion_count: 25 });
    expect(tracked.body.engagement_rate).toBeCloseTo(15, 6);
  });

  it("5 and 7: the seeded A/B test has real analytics and variant_a wins", async () => {
    const seeded = await api(
      "GET",
      `/api/v1/segments?persona_id=${SPEC_PERSONA_ID}&strategy=hybrid&search=Early`,
    );
    const response = await api("GET", `/api/v1/segments/${seeded.body.items[0].id}/analytics?days=30`);
    expect(response.status).toBe(200);
    expect(response.body.member_count).toBeGreaterThan(50);
    expect(response.body.performance_summary.total_views).toBeGreaterThan(10_000);
    expect(response.body.top_performing_content[0].variant_id).toBe("variant_a");
    for (const metric of ["conversion", "engagement"]) {
      const experiment = await api(
        "GET",
        `/api/v1/segments/${seeded.body.items[0].id}/experiment?metric=${metric}`,
      );
      expect(experiment.status).toBe(200);
      expect(experiment.body.status, `${metric}: ${experiment.body.verdict}`).toBe("significant_winner");
      const byVariant = Object.fromEntries(
        experiment.body.variants.map((v: { variant_id: string; significant: boolean }) => [
          v.variant_id,
          v.significant,
        ]),
      );
      expect(byVariant).toMatchObject({ variant_a: true, variant_b: false });
    }
  });

  it("9: lists the persona's active segments", async () => {
    const response = await api(
      "GET",
      "/api/v1/segments/?persona_id=123e4567-e89b-12d3-a456-426614174000&status=active",
    );
    expect(response.status).toBe(200);
    const page = segmentPageSchema.parse(response.body);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((s) => s.persona_id === SPEC_PERSONA_ID && s.status === "active")).toBe(true);
  });

  it("9: filters the persona's segments by strategy", async () => {
    const response = await api(
      "GET",
      "/api/v1/segments/?persona_id=123e4567-e89b-12d3-a456-426614174000&strategy=behavioral",
    );
    expect(response.status).toBe(200);
    const page = segmentPageSchema.parse(response.body);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((s) => s.persona_id === SPEC_PERSONA_ID && s.strategy === "behavioral")).toBe(
      true,
    );
  });

  it("4: answers the health check", async () => {
    const response = await api("GET", "/api/v1/segments/health");
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("ok");
  });
});
