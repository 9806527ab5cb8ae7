import "server-only";
import { transaction } from "@/db/client";
import type { BackgroundJob } from "@/db/schema";
import { notFound, referenceNotFound } from "@/lib/api/errors";
import { readEnv } from "@/lib/env";
import { findActiveJob, insertJob } from "@/lib/jobs/queries";
import { runInBackground } from "@/lib/jobs/runner";
import { personaExists } from "@/lib/personas/queries";
import { findSegment, lockSegment } from "@/lib/segments/queries";
import type { EstimateRequest, RevisionsQuery } from "./api-schemas";
import { listConditions } from "./ast";
import { actualValue, type Profile } from "./evaluate";
import { operatorsByType, profileFields } from "./fields";
import { parseValidCriteria } from "./parse-criteria";
import * as queries from "./queries";
import { refreshMembership } from "./refresh";
import { refreshSegmentInBatches } from "./refresh-in-batches";

export async function estimateAudienceSize(input: EstimateRequest) {
  if (input.persona_id && !(await personaExists(input.persona_id))) {
    throw referenceNotFound("persona_id", "Persona", input.persona_id);
  }
  const node = parseValidCriteria(input.criteria);
  const { matched, total, sample } = await queries.estimateAudience(node, new Date());
  const percentage = total === 0 ? 0 : Math.round((matched / total) * 10_000) / 100;
  return { estimated_size: matched, total_users: total, percentage, sample };
}

/** POST /segments/{id}/refresh: the segment's criteria members brought up to date, under its lock. */
export async function refreshSegment(segmentId: string) {
  const started = performance.now();
  const result = await transaction(async (tx) => {
    const segment = await lockSegment(segmentId, tx);
    if (!segment) throw notFound("Segment", segmentId);
    return refreshMembership(segment, tx);
  });
  return { ...result, took_ms: Math.round((performance.now() - started) * 10) / 10 };
}

export type RefreshMode = "auto" | "sync" | "async";

/**
 * POST /segments/{id}/refresh as asked: at once, or as a background job (`mode` async, or auto and the
 * refresh is big: REFRESH_ASYNC_MIN_USERS users to scan or members to check). A segment already being
 * refreshed in the background answers with that job instead of starting a second one.
 */
export async function requestRefresh(
  segmentId: string,
  mode: RefreshMode,
): Promise<{ job: BackgroundJob } | { result: Awaited<ReturnType<typeof refreshSegment>> }> {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  const env = readEnv();
  const big = async () =>
    Math.max(segment.member_count, await queries.countUsers()) >= env.REFRESH_ASYNC_MIN_USERS;
  if (mode === "sync" || (mode === "auto" && !(await big()))) {
    return { result: await refreshSegment(segmentId) };
  }
  const active = await findActiveJob("segment_refresh", segmentId);
  if (active) return { job: active };
  const job = await insertJob({ kind: "segment_refresh", segment_id: segmentId });
  void runInBackground(job, (context) => refreshSegmentInBatches(segmentId, env.REFRESH_BATCH_SIZE, context));
  return { job };
}

export async function explainMembership(segmentId: string, userId: string) {
  const segment = await findSegment(segmentId);
  if (!segment) throw notFound("Segment", segmentId);
  const node = parseValidCriteria(segment.criteria);
  const row = await queries.explainUser(node, new Date(), userId);
  if (!row) throw notFound("User", userId);
  const profile = row.user as unknown as Profile;
  const conditions = listConditions(node).map((condition, i) => ({
    path: condition.path,
    label: condition.label,
    field: condition.field,
    op: condition.op,
    expected: condition.value,
    actual: actualValue(condition, profile) ?? null,
    passed: Boolean(row.results[i]),
  }));
  return {
    segment_id: segmentId,
    user_id: userId,
    matches: Boolean(row.matches),
    confidence_score: row.matches ? Number(row.confidence) : 0,
    min_match: node.minMatch,
    conditions,
  };
}

export async function listSegmentRevisions(segmentId: string, query: RevisionsQuery) {
  if (!(await findSegment(segmentId))) throw notFound("Segment", segmentId);
  const { items, total } = await queries.listRevisions(segmentId, query.limit, query.offset);
  return { items, total, limit: query.limit, offset: query.offset };
}

const VALUES_PER_FIELD = 100;

/** The visual builder's catalogue: every field with its operators, the values present, and the trait keys. */
export async function listCriteriaFields() {
  const [values, traits] = await Promise.all([
    queries.listFieldValues(VALUES_PER_FIELD),
    queries.listTraitKeys(VALUES_PER_FIELD),
  ]);
  const fields = Object.entries(profileFields).map(([field, spec]) => {
    const present = values.filter((v) => v.field === field).map(({ value, count }) => ({ value, count }));
    return {
      field,
      label: spec.label,
      type: spec.type,
      operators: [...operatorsByType[spec.type]],
      ...("categorical" in spec && spec.categorical ? { values: present } : {}),
    };
  });
  const traitFields = traits.map(({ key }) => ({
    field: `traits.${key}`,
    label: `Trait ${key}`,
    type: "json" as const,
    operators: [...operatorsByType.json],
  }));
  return { fields: [...fields, ...traitFields], traits };
}
