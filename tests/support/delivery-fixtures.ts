import { getDb } from "@/db/client";
import { segmentMembers } from "@/db/schema";
import { api } from "./api";
import { uniqueName } from "./factories";
import { seedContent } from "./seed-content";

export interface Arm {
  id: string;
  segment_id: string;
  content_id: string;
  variant_id: string | null;
  is_control: boolean;
  traffic_weight: number;
}

/** A segment (through the API) with one arm per weight: the first is the control, the others variant_1, …. */
export async function createSegmentWithArms(
  weights: number[],
  segment: Record<string, unknown> = {},
): Promise<{ segmentId: string; arms: Arm[] }> {
  const created = await api("POST", "/api/v1/segments", {
    segment_name: uniqueName("Delivery"),
    criteria: {},
    ...segment,
  });
  if (created.status !== 201) throw new Error(`segment: ${JSON.stringify(created.body)}`);
  const arms: Arm[] = [];
  for (const [index, weight] of weights.entries()) {
    const content = await seedContent({ body: `Body ${index}` });
    const res = await api("POST", "/api/v1/segments/personalized", {
      content_id: content.id,
      segment_id: created.body.id,
      variant_id: index === 0 ? "control" : `variant_${index}`,
      is_control: index === 0,
      traffic_weight: weight,
    });
    if (res.status !== 201) throw new Error(`arm: ${JSON.stringify(res.body)}`);
    arms.push(res.body);
  }
  return { segmentId: created.body.id, arms };
}

/** Adds members straight into the database (no member_count bookkeeping: decide does not read it). */
export async function addMembers(segmentId: string, userIds: string[], confidence = 1): Promise<void> {
  const db = await getDb();
  for (let start = 0; start < userIds.length; start += 5_000) {
    await db.insert(segmentMembers).values(
      userIds.slice(start, start + 5_000).map((user_id) => ({
        segment_id: segmentId,
        user_id,
        confidence_score: confidence,
      })),
    );
  }
}
