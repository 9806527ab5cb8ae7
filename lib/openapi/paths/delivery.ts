import { decideBatchResultSchema, decideRequestSchema, userDecisionSchema } from "@/lib/delivery/schemas";
import { eventBatchResultSchema, eventBatchSchema } from "@/lib/events/schemas";
import type { Operation } from "../operation";

export const deliveryOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/events",
    operationId: "recordEvents",
    scope: "events:write",
    summary: "Record a batch of up to 10,000 events, idempotent by event_id",
    description:
      "Each event names its user by `user_id` or `external_id` (an unknown external_id creates a bare profile). " +
      "An event_id already stored — earlier in the batch, in an earlier request or in a concurrent one — is " +
      "stored and counted once; the repeats are `duplicates`, and a retry is never an error. Invalid events are " +
      "`rejected` by index and the others stored; only a batch where every event is invalid is a 422. The " +
      "reserved `content_view`, `content_engagement` and `content_conversion` add to their personalized " +
      "content's counters, engagement_rate, history and daily rows in the same transaction.",
    tags: ["Delivery"],
    body: eventBatchSchema,
    responses: {
      200: {
        description: "What was stored, what was a duplicate, and what was rejected.",
        schema: eventBatchResultSchema,
      },
      413: "The body is larger than 32 MiB.",
      422: "Not a batch of 1 to 10,000 events, or every event is invalid (each named by `events.<index>.<field>`).",
    },
  },
  {
    method: "post",
    path: "/api/v1/decide",
    operationId: "decide",
    scope: "decide",
    summary: "What a user (or up to 1,000 users) should see now",
    description:
      "The user's memberships in active segments and, per segment with content and a running experiment, the " +
      "arm to show, ordered by segment priority (highest first), then confidence, then name. The arm is sticky: " +
      "the first exposure stores it, and later decisions return it whatever the weights are now. A new user's " +
      "arm is the one whose range holds bucket = first 4 bytes of SHA-256(`salt:user_id`) mod 10,000, the ranges " +
      "following the arms' traffic weights in creation order. `record_exposure: false` writes nothing. A batch " +
      "(`users`) answers `{results}` in request order.",
    tags: ["Delivery"],
    body: decideRequestSchema,
    responses: {
      200: {
        description:
          "One user's decisions (a UserDecision), or `{results}` for a batch (a DecideBatchResult).",
        schema: userDecisionSchema.or(decideBatchResultSchema),
      },
      404: "A user_id does not exist (an unknown external_id is not an error).",
      422: "Invalid body.",
    },
  },
];
