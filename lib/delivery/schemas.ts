import { z } from "zod";

/** At most this many users in one decide request (an email send's batch). */
export const MAX_DECIDE_USERS = 1_000;

export const decisionReasons = ["new", "sticky", "winner", "only_variant", "bandit"] as const;
export type DecisionReason = (typeof decisionReasons)[number];

const userIdField = z.uuid().toLowerCase().describe("The profile's id: unknown is 404.");
const externalIdField = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("The profile's external_id: unknown answers empty lists (decide creates no profile).");

const exactlyOne = (keys: readonly string[]) => (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (keys.filter((key) => value[key] !== undefined).length !== 1) {
    ctx.addIssue({ code: "custom", path: [keys[0]], message: `Give exactly one of ${keys.join(", ")}` });
  }
};

export const userReferenceSchema = z
  .object({ user_id: userIdField.optional(), external_id: externalIdField.optional() })
  .strict()
  .superRefine(exactlyOne(["user_id", "external_id"]))
  .meta({ id: "UserReference" });

export const decideRequestSchema = z
  .object({
    user_id: userIdField.optional(),
    external_id: externalIdField.optional(),
    users: z
      .array(userReferenceSchema)
      .min(1)
      .max(MAX_DECIDE_USERS)
      .optional()
      .describe("A batch of up to 1,000 users, answered in request order as `results`."),
    segment_ids: z.array(z.uuid().toLowerCase()).min(1).max(500).optional().describe("Only these segments."),
    record_exposure: z
      .boolean()
      .default(true)
      .describe("Whether this decision counts as an exposure; `false` (a preview) never writes anything."),
  })
  .strict()
  .superRefine(exactlyOne(["user_id", "external_id", "users"]))
  .meta({ id: "DecideRequest", examples: [{ external_id: "cus_100042" }] });

export const decisionSegmentSchema = z.object({
  segment_id: z.uuid(),
  segment_name: z.string(),
  confidence_score: z.number(),
  priority: z.number().int(),
});

export const decisionSchema = z
  .object({
    segment_id: z.uuid(),
    personalized_content_id: z.uuid(),
    content_id: z.uuid(),
    variant_id: z.string().nullable(),
    is_control: z.boolean(),
    content: z.object({ title: z.string(), content_type: z.string(), body: z.string().nullable() }),
    assignment: z.object({
      bucket: z.number().int().min(0).max(9999).describe("hash(salt, user id) → 0–9999."),
      reason: z
        .enum(decisionReasons)
        .describe(
          "`winner`: a promoted arm; `sticky`: the arm stored at the user's first exposure; `new`: a first " +
            "decision by the traffic weights; `bandit`: the same under bandit allocation; `only_variant`: one arm.",
        ),
    }),
  })
  .meta({ id: "Decision" });

export const userDecisionSchema = z
  .object({
    user_id: z.uuid().nullable().describe("Null for an unknown external_id."),
    segments: z
      .array(decisionSegmentSchema)
      .describe("Memberships in active segments, by priority (highest first), confidence, name."),
    decisions: z
      .array(decisionSchema)
      .describe("One per segment with content and a running experiment, in the same order."),
  })
  .meta({ id: "UserDecision" });

export const decideBatchResultSchema = z
  .object({ results: z.array(userDecisionSchema) })
  .meta({ id: "DecideBatchResult" });

export type DecideRequest = z.infer<typeof decideRequestSchema>;
export type UserReference = z.infer<typeof userReferenceSchema>;
export type UserDecision = z.infer<typeof userDecisionSchema>;
export type Decision = z.infer<typeof decisionSchema>;
