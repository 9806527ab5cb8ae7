import "server-only";
import { notFound } from "@/lib/api/errors";
import { findSegment } from "@/lib/segments/queries";
import { evaluateExperiment } from "./evaluate-experiment";
import { listExperimentGroups } from "./queries";
import type { ExperimentQuery, ExperimentResult } from "./schemas";

export async function getExperimentResults(
  segmentId: string,
  query: ExperimentQuery,
): Promise<ExperimentResult> {
  if (!(await findSegment(segmentId))) throw notFound("Segment", segmentId);
  const groups = await listExperimentGroups(segmentId);
  const arms = groups.map(({ engagements, conversions, ...group }) => ({
    ...group,
    successes: query.metric === "conversion" ? conversions : engagements,
  }));
  const evaluation = evaluateExperiment(arms, query);
  return { segment_id: segmentId, ...evaluation };
}
