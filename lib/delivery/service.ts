import "server-only";
import { ApiError } from "@/lib/api/errors";
import { type ArmChoice, chooseArm, type SegmentExperiment, sharesOf } from "./choose-arm";
import {
  type DeliveryArm,
  type DeliveryMembership,
  findAssignments,
  insertAssignments,
  type NewAssignment,
  readDeliverySnapshot,
} from "./queries";
import type { DecideRequest, Decision, UserDecision, UserReference } from "./schemas";

const bySegmentOrder = (a: DeliveryMembership, b: DeliveryMembership) =>
  b.priority - a.priority ||
  b.confidence_score - a.confidence_score ||
  (a.segment_name < b.segment_name ? -1 : a.segment_name > b.segment_name ? 1 : 0) ||
  (a.segment_id < b.segment_id ? -1 : a.segment_id > b.segment_id ? 1 : 0);

function toDecision(segmentId: string, choice: ArmChoice<DeliveryArm>): Decision {
  const { arm } = choice;
  return {
    segment_id: segmentId,
    personalized_content_id: arm.id,
    content_id: arm.content_id,
    variant_id: arm.variant_id,
    is_control: arm.is_control,
    content: { title: arm.title, content_type: arm.content_type, body: arm.body },
    assignment: { bucket: choice.bucket, reason: choice.reason },
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Decides for a batch of users: one read for everything, the choices in memory, then at most one write
 * (the first exposures) and, only when a concurrent request exposed the same user first, one re-read.
 * Results come back in request order.
 */
export async function decideForUsers(
  refs: readonly UserReference[],
  options: { segment_ids?: string[]; record_exposure: boolean },
): Promise<UserDecision[]> {
  const snapshot = await readDeliverySnapshot(
    refs.map((ref, i) => ({ i, ...ref })),
    options.segment_ids,
  );
  const userIdAt = new Map(snapshot.users.map((user) => [user.i, user.user_id]));
  const unknown = refs.flatMap((ref, i) => (ref.user_id && !userIdAt.get(i) ? [i] : []));
  if (unknown.length > 0) {
    const label = (i: number) => (refs.length === 1 && i === 0 ? "user_id" : `users.${i}.user_id`);
    throw new ApiError(
      "not_found",
      unknown.length === 1
        ? `User ${refs[unknown[0]].user_id} does not exist.`
        : `${unknown.length} users do not exist.`,
      unknown.map((i) => ({
        field: label(i),
        location: "body",
        message: `User ${refs[i].user_id} does not exist`,
      })),
    );
  }

  const armsBySegment = groupBy(snapshot.arms, (arm) => arm.segment_id);
  const experiments = new Map<string, SegmentExperiment<DeliveryArm>>(
    snapshot.experiments.map((experiment) => [
      experiment.segment_id,
      { ...experiment, arms: armsBySegment.get(experiment.segment_id) ?? [] },
    ]),
  );
  const membershipsByUser = groupBy(snapshot.memberships, (membership) => membership.user_id);

  const decided = new Map<
    string,
    { memberships: DeliveryMembership[]; choices: Map<string, ArmChoice<DeliveryArm>> }
  >();
  const fresh: NewAssignment[] = [];
  for (const [userId, memberships] of membershipsByUser) {
    memberships.sort(bySegmentOrder);
    const choices = new Map<string, ArmChoice<DeliveryArm>>();
    for (const membership of memberships) {
      const experiment = experiments.get(membership.segment_id);
      if (!experiment) continue;
      const stored =
        membership.assigned_id !== null && membership.assigned_bucket !== null
          ? { personalized_content_id: membership.assigned_id, bucket: membership.assigned_bucket }
          : undefined;
      const choice = chooseArm(experiment, userId, stored);
      if (!choice) continue;
      choices.set(membership.segment_id, choice);
      if (choice.isNew && options.record_exposure) {
        fresh.push({
          segment_id: membership.segment_id,
          user_id: userId,
          personalized_content_id: choice.arm.id,
          bucket: choice.bucket,
          allocation_id: experiment.latest_allocation?.id ?? null,
        });
      }
    }
    decided.set(userId, { memberships, choices });
  }

  if (fresh.length > 0) await recordExposures(fresh, experiments, decided);

  return refs.map((_ref, i) => {
    const userId = userIdAt.get(i) ?? null;
    const entry = userId ? decided.get(userId) : undefined;
    if (!userId || !entry) return { user_id: userId, segments: [], decisions: [] };
    return {
      user_id: userId,
      segments: entry.memberships.map(({ segment_id, segment_name, confidence_score, priority }) => ({
        segment_id,
        segment_name,
        confidence_score,
        priority,
      })),
      decisions: entry.memberships.flatMap((membership) => {
        const choice = entry.choices.get(membership.segment_id);
        return choice ? [toDecision(membership.segment_id, choice)] : [];
      }),
    };
  });
}

/**
 * Writes the first exposures. Where a concurrent request stored the user's assignment first, that stored arm
 * is the user's arm: the decision is replaced by it (sticky), so both requests answer the same.
 */
async function recordExposures(
  fresh: NewAssignment[],
  experiments: Map<string, SegmentExperiment<DeliveryArm>>,
  decided: Map<string, { choices: Map<string, ArmChoice<DeliveryArm>> }>,
): Promise<void> {
  const unrecorded = [
    ...new Set(fresh.filter((row) => row.allocation_id === null).map((row) => row.segment_id)),
  ];
  const splits = unrecorded.map((segment_id) => ({
    segment_id,
    shares: sharesOf(experiments.get(segment_id)?.arms ?? []),
  }));
  const written = await insertAssignments(fresh, splits);
  if (written.length === fresh.length) return;
  const key = (row: { segment_id: string; user_id: string }) => `${row.segment_id}|${row.user_id}`;
  const writtenKeys = new Set(written.map(key));
  const lost = fresh.filter((row) => !writtenKeys.has(key(row)));
  for (const stored of await findAssignments(lost)) {
    const arm = experiments.get(stored.segment_id)?.arms.find((a) => a.id === stored.personalized_content_id);
    const choices = decided.get(stored.user_id)?.choices;
    if (arm && choices) {
      choices.set(stored.segment_id, { arm, bucket: stored.bucket, reason: "sticky", isNew: false });
    }
  }
}

/** `POST /api/v1/decide`: one user answers a UserDecision, a batch `{results}` in request order. */
export async function decide(request: DecideRequest): Promise<UserDecision | { results: UserDecision[] }> {
  const options = { segment_ids: request.segment_ids, record_exposure: request.record_exposure };
  if (request.users) return { results: await decideForUsers(request.users, options) };
  const ref: UserReference = request.user_id
    ? { user_id: request.user_id }
    : { external_id: request.external_id };
  const [result] = await decideForUsers([ref], options);
  return result;
}
