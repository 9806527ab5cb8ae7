import type { APIRequestContext } from "@playwright/test";
import {
  addMembers,
  createContent,
  createPersonalizedContent,
  createSegment,
  createUsers,
  expect,
  setPerformance,
} from "./segment-fixtures";

/** Noon UTC `days` days before today. */
const daysAgo = (days: number) => {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days, 12),
  ).toISOString();
};

/** A segment with 35 complete days of content views (a weekly pattern and a rise), sent as past events. */
export async function segmentWithViewHistory(request: APIRequestContext) {
  const segment = await createSegment(request);
  const [user] = await createUsers(request, 1);
  await addMembers(request, segment.id, [user.id]);
  const content = await createContent(request);
  const personalized = await createPersonalizedContent(request, {
    segment_id: segment.id,
    content_id: content.id,
    variant_id: "variant_a",
  });
  const weekly = [6, 8, 9, 8, 7, 3, 2];
  const events = [];
  for (let day = 35; day >= 1; day--) {
    const count = weekly[day % 7] + Math.floor((35 - day) / 7);
    for (let i = 0; i < count; i++) {
      events.push({
        user_id: user.id,
        name: "content_view",
        personalized_content_id: personalized.id,
        occurred_at: daysAgo(day),
      });
    }
  }
  const response = await request.post("/api/v1/events", { data: { events } });
  expect(response.ok(), await response.text()).toBeTruthy();
  return segment;
}

/**
 * Two segments sharing their members: the source uses a content item with a known good engagement that the
 * target does not use yet.
 */
export async function segmentsWithSuggestion(request: APIRequestContext) {
  const users = await createUsers(request, 4);
  const source = await createSegment(request);
  const target = await createSegment(request);
  await addMembers(
    request,
    source.id,
    users.map((user) => user.id),
  );
  await addMembers(
    request,
    target.id,
    users.map((user) => user.id),
  );
  const content = await createContent(request);
  const personalized = await createPersonalizedContent(request, {
    segment_id: source.id,
    content_id: content.id,
    variant_id: "variant_a",
  });
  await setPerformance(request, personalized.id, { views: 2000, engagement: 900, conversions: 100 });
  return { source, target, content };
}
