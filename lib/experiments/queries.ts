import "server-only";
import { and, asc, desc, eq, isNotNull, or } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { content, personalizedContent } from "@/db/schema";

/** The segment's A/B groups: personalized content with a variant id, or marked as the control. */
export async function listExperimentGroups(segmentId: string, db?: Database) {
  const executor = await dbOrDefault(db);
  return executor
    .select({
      personalized_content_id: personalizedContent.id,
      variant_id: personalizedContent.variant_id,
      is_control: personalizedContent.is_control,
      title: content.title,
      views: personalizedContent.view_count,
      engagements: personalizedContent.engagement_count,
      conversions: personalizedContent.conversion_count,
    })
    .from(personalizedContent)
    .innerJoin(content, eq(content.id, personalizedContent.content_id))
    .where(
      and(
        eq(personalizedContent.segment_id, segmentId),
        or(isNotNull(personalizedContent.variant_id), eq(personalizedContent.is_control, true)),
      ),
    )
    .orderBy(
      desc(personalizedContent.is_control),
      asc(personalizedContent.variant_id),
      asc(personalizedContent.id),
    );
}
