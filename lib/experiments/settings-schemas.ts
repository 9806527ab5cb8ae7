import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";

/** What counts as a success; the experiment's primary metric is one of these. */
export const experimentMetrics = ["conversion", "engagement"] as const;

/** `completed` is reached only by promoting a winner; the other three are set through `PUT …/experiment`. */
export const experimentRunStates = ["running", "paused", "stopped", "completed"] as const;
export const settableRunStates = ["running", "paused", "stopped"] as const;
export const allocationModes = ["fixed", "bandit"] as const;
export const historyKinds = ["settings", "weight", "promote", "reallocate"] as const;
export const allocationReasons = ["weights", "bandit", "promote"] as const;

/** A segment without a settings row runs with these, so content delivers without any setup. */
export const defaultExperimentSettings = {
  status: "running",
  allocation: "fixed",
  primary_metric: "conversion",
  minimum_detectable_effect: 0.1,
  auto_promote: false,
  control_floor: 0.1,
  winner_personalized_content_id: null,
  completed_at: null,
} as const;

const minimumDetectableEffect = z
  .number()
  .gt(0)
  .max(10)
  .describe("Relative change of the control's rate the test is sized to detect (0.1 = ±10%).");
const controlFloor = z
  .number()
  .min(0)
  .max(0.9)
  .describe("Under bandit allocation, the control's minimum share of new users (0.1 = 10%).");

export const experimentSettingsSchema = z
  .object({
    status: z.enum(experimentRunStates),
    allocation: z
      .enum(allocationModes)
      .describe("`fixed`: the arms' traffic weights; `bandit`: Thompson sampling sets the weights."),
    primary_metric: z.enum(experimentMetrics),
    minimum_detectable_effect: minimumDetectableEffect,
    auto_promote: z
      .boolean()
      .describe(
        "Promote the winner once every arm has its planned users, the best arm is significant after Holm and " +
          "the sample-ratio check passes.",
      ),
    control_floor: controlFloor,
    winner_personalized_content_id: z.uuid().nullable().describe("The promoted arm, once completed."),
    completed_at: timestamp.nullable(),
  })
  .meta({ id: "ExperimentSettings" });

export const experimentSettingsInput = z
  .object({
    status: z.enum(settableRunStates),
    allocation: z.enum(allocationModes),
    primary_metric: z.enum(experimentMetrics),
    minimum_detectable_effect: minimumDetectableEffect,
    auto_promote: z.boolean(),
    control_floor: controlFloor,
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, { message: "At least one field must be given" })
  .meta({ id: "ExperimentSettingsUpdate" });

export const promoteInput = z
  .object({
    personalized_content_id: z
      .uuid()
      .optional()
      .describe("The arm to promote; without it, the arm that is significantly best (409 when none is)."),
  })
  .strict()
  .meta({ id: "ExperimentPromote" });

const shareSchema = z.object({ personalized_content_id: z.uuid(), share: z.number() });

export const experimentTimelineSchema = z
  .object({
    history: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(historyKinds),
        changes: z
          .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
          .describe("Field (or arm id) → {from, to}."),
        reason: z.string().nullable(),
        at: timestamp,
      }),
    ),
    allocations: z
      .array(
        z.object({
          id: z.number().int(),
          at: timestamp,
          reason: z.enum(allocationReasons),
          shares: z.array(shareSchema),
        }),
      )
      .describe("Every traffic split the experiment has run with, oldest first."),
    exposures: z
      .array(z.object({ date: z.iso.date(), personalized_content_id: z.uuid(), users: z.number().int() }))
      .describe("Users first exposed to each arm per day (UTC)."),
  })
  .meta({ id: "ExperimentTimeline" });

export type ExperimentSettingsOutput = z.infer<typeof experimentSettingsSchema>;
export type ExperimentSettingsInput = z.infer<typeof experimentSettingsInput>;
export type PromoteInput = z.infer<typeof promoteInput>;
export type ExperimentTimeline = z.infer<typeof experimentTimelineSchema>;
