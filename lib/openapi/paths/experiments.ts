import { experimentQuery, experimentResultSchema } from "@/lib/experiments/schemas";
import {
  experimentSettingsInput,
  experimentTimelineSchema,
  promoteInput,
} from "@/lib/experiments/settings-schemas";
import type { Operation } from "../operation";

const segmentId = { segment_id: "The segment's id." };
const tags = ["Experiments"];
const result = { description: "The experiment's settings and read-out.", schema: experimentResultSchema };

export const experimentOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/experiment",
    operationId: "getSegmentExperiment",
    scope: "segments:read",
    summary: "Get the experiment",
    description:
      "The experiment's `settings` and its read-out. The arms are the segment's personalized content that has a " +
      "`variant_id` or is the control. When users have been exposed to the arms (`unit: users`), an arm's trials " +
      "are its users and its successes the users who converted (engaged) after their first exposure; otherwise " +
      "the read-out falls back to the counters (`unit: views`). Each variant against the control: rates with " +
      "Wilson intervals, absolute uplift (Newcombe interval), relative uplift (delta method on the log ratio), " +
      "two-proportion z-test p-values adjusted by Holm–Bonferroni, the exact Bayesian probability to beat control " +
      "(Beta(1, 1) priors) and the planned sample size for 80% power. The sample-ratio check compares the arms' " +
      "trials with the planned shares: per user, the shares in force when that user was assigned. No winner or " +
      "loser is called before every arm reaches the planned sample size. Rates are proportions (0–1).",
    tags,
    pathParams: segmentId,
    query: experimentQuery,
    responses: { 200: result, 404: "No such segment.", 422: "Invalid id or query." },
  },
  {
    method: "put",
    path: "/api/v1/segments/{segment_id}/experiment",
    operationId: "updateSegmentExperiment",
    scope: "segments:write",
    summary: "Change the experiment's settings",
    description:
      "Sets the given settings; the others keep their value (defaults: running, fixed, conversion, 0.1, no " +
      "auto-promotion, control floor 0.1). Every change is recorded in the experiment history. Setting a status " +
      "on a completed experiment restarts it and clears the winner. Paused and stopped experiments deliver nothing.",
    tags,
    pathParams: segmentId,
    body: experimentSettingsInput,
    responses: { 200: result, 404: "No such segment.", 422: "Invalid id or setting (the field is named)." },
  },
  {
    method: "post",
    path: "/api/v1/segments/{segment_id}/experiment/promote",
    operationId: "promoteSegmentExperiment",
    scope: "segments:write",
    summary: "Promote a winner",
    description:
      "Completes the experiment with a winner: every decision returns it (`reason: winner`). Without " +
      "`personalized_content_id`, the arm that is significantly best on the primary metric after Holm is promoted. " +
      "The history records when and why.",
    tags,
    pathParams: segmentId,
    body: promoteInput,
    bodyRequired: false,
    responses: {
      200: result,
      404: "No such segment.",
      409: "No arm is significantly best yet.",
      422: "Invalid id, or the content is not this segment's.",
    },
  },
  {
    method: "post",
    path: "/api/v1/segments/{segment_id}/experiment/reallocate",
    operationId: "reallocateSegmentExperiment",
    scope: "segments:write",
    summary: "Re-allocate traffic now (bandit)",
    description:
      "Thompson sampling on the primary metric's Beta posteriors sets the arms' traffic weights, the control keeping " +
      "at least `control_floor`. The server also does this every `BANDIT_INTERVAL_SECONDS`. Each new split is " +
      "stored (allocation reason `bandit`, history kind `reallocate`).",
    tags,
    pathParams: segmentId,
    responses: {
      200: result,
      404: "No such segment.",
      409: "The experiment does not use bandit allocation, is completed, or has fewer than two arms.",
      422: "Invalid id.",
    },
  },
  {
    method: "get",
    path: "/api/v1/segments/{segment_id}/experiment/timeline",
    operationId: "getSegmentExperimentTimeline",
    scope: "segments:read",
    summary: "Experiment history over time",
    description:
      "The history of settings, weights, promotions and re-allocations; every traffic split the experiment ran " +
      "with; and users first exposed per arm and UTC day.",
    tags,
    pathParams: segmentId,
    responses: {
      200: { description: "The experiment's timeline.", schema: experimentTimelineSchema },
      404: "No such segment.",
      422: "Invalid id.",
    },
  },
];
