import "server-only";
import { type Database, transaction } from "@/db/client";
import { ApiError, isForeignKeyViolation } from "@/lib/api/errors";
import type { FieldError } from "@/lib/api/schemas";
import { reevaluateAfterEvents } from "@/lib/segments/dynamic-membership";
import { lockDynamicSegments } from "@/lib/segments/dynamic-queries";
import { type EventRow, existingReferences, insertEvents, resolveExternalIds } from "./queries";
import {
  type EventBatchResult,
  type EventInput,
  eventSchema,
  MAX_CLOCK_SKEW_MS,
  MAX_PURCHASE_VALUE,
  PURCHASE_EVENT,
} from "./schemas";

interface Rejection {
  index: number;
  errors: { field: string; message: string }[];
}

interface ValidEvent {
  index: number;
  event: EventInput;
}

/** Validates each event on its own: the valid ones go on, the others are rejected by index. */
function validateEach(events: readonly unknown[], now: Date) {
  const latest = now.getTime() + MAX_CLOCK_SKEW_MS;
  const valid: ValidEvent[] = [];
  const rejected: Rejection[] = [];
  events.forEach((raw, index) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      rejected.push({
        index,
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join(".") || "(event)",
          message: issue.message,
        })),
      });
    } else if (parsed.data.occurred_at && Date.parse(parsed.data.occurred_at) > latest) {
      rejected.push({
        index,
        errors: [{ field: "occurred_at", message: "Lies more than 5 minutes in the future" }],
      });
    } else if (
      parsed.data.name === PURCHASE_EVENT &&
      parsed.data.value !== undefined &&
      (parsed.data.value < 0 || parsed.data.value > MAX_PURCHASE_VALUE)
    ) {
      // A purchase adds its value to total_spent, which holds amounts from 0 up to 10 digits.
      rejected.push({
        index,
        errors: [{ field: "value", message: `A purchase's value is from 0 to ${MAX_PURCHASE_VALUE}` }],
      });
    } else valid.push({ index, event: parsed.data });
  });
  return { valid, rejected };
}

const distinct = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * Stores a batch of events in one transaction: invalid events are rejected by index and the rest stored,
 * an event_id already stored (in this batch, an earlier one, or a concurrent one) is counted as a duplicate,
 * and the reserved content events that were stored add to their item's counters, engagement_rate, history
 * and daily rows in the same transaction, as their profiles and the dynamic segments that look at them do.
 *
 * Most batches name only users and content that exist, so they are stored without a check of their own:
 * the foreign keys are that check. A batch that names a missing row fails there, rolls back and is stored
 * again after its references are checked one by one, so that only its bad events are rejected.
 */
export async function recordEvents(events: readonly unknown[]): Promise<EventBatchResult> {
  const now = new Date();
  const { valid, rejected } = validateEach(events, now);
  if (valid.length === 0) throw allRejected(rejected);

  let outcome: StoredBatch;
  try {
    outcome = await transaction((tx) => storeBatch(valid, now, tx, { checkReferences: false }));
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
    outcome = await transaction((tx) => storeBatch(valid, now, tx, { checkReferences: true }));
  }
  rejected.push(...outcome.rejected);
  if (outcome.stored === undefined) throw allRejected(rejected);
  return { ...outcome.stored, rejected: rejected.sort((a, b) => a.index - b.index) };
}

interface StoredBatch {
  /** Undefined when no event was left to store. */
  stored?: { accepted: number; duplicates: number };
  rejected: Rejection[];
}

/**
 * One attempt at storing the valid events: two statements whatever the batch size (three with new external
 * ids, one more with `checkReferences`), then the dynamic segments' re-evaluation. Rows are locked in one
 * order (new profiles, event ids, content counters, profiles) so that concurrent batches cannot deadlock.
 */
async function storeBatch(
  valid: readonly ValidEvent[],
  now: Date,
  tx: Database,
  { checkReferences }: { checkReferences: boolean },
): Promise<StoredBatch> {
  const rejected: Rejection[] = [];
  const checked = checkReferences ? await withExistingReferences(valid, rejected, tx) : valid;
  if (checked.length === 0) return { rejected };

  const byExternalId = await resolveExternalIds(
    distinct(checked.flatMap(({ event }) => event.external_id ?? [])),
    tx,
  );
  // The first event with a given event_id is the one stored; repeats within the batch are duplicates.
  const seen = new Set<string>();
  const rows: EventRow[] = [];
  for (const { event } of checked) {
    if (event.event_id !== undefined) {
      if (seen.has(event.event_id)) continue;
      seen.add(event.event_id);
    }
    rows.push({
      event_id: event.event_id ?? null,
      user_id: event.user_id ?? (byExternalId.get(event.external_id as string) as string),
      name: event.name,
      personalized_content_id: event.personalized_content_id ?? null,
      occurred_at: event.occurred_at ?? now.toISOString(),
      properties: event.properties ?? {},
      value: event.value ?? null,
    });
  }
  // Issue 13: profiles follow their events (in insertEvents' statement), and the dynamic segments that
  // look at what changed follow the profiles, in this same transaction: a duplicate was not stored, so it
  // moves nothing. The segments' lock is sent right behind the insert, on the same connection: the database
  // runs them in that order (profiles, then segments, as every profile write does), in one round trip.
  const [{ stored: accepted, profiles }, segments] = await Promise.all([
    insertEvents(rows, tx),
    lockDynamicSegments(tx),
  ]);
  await reevaluateAfterEvents(profiles, tx, segments);
  return { stored: { accepted, duplicates: checked.length - accepted }, rejected };
}

/** The events whose user and content exist; the others are rejected, naming the missing reference. */
async function withExistingReferences(
  valid: readonly ValidEvent[],
  rejected: Rejection[],
  tx: Database,
): Promise<ValidEvent[]> {
  const { users, content } = await existingReferences(
    {
      users: distinct(valid.flatMap(({ event }) => event.user_id ?? [])),
      content: distinct(valid.flatMap(({ event }) => event.personalized_content_id ?? [])),
    },
    tx,
  );
  const reject = (item: ValidEvent, field: string, message: string) =>
    rejected.push({ index: item.index, errors: [{ field, message }] });
  return valid.filter((item) => {
    const { event } = item;
    const contentId = event.personalized_content_id;
    if (contentId && !content.has(contentId)) {
      reject(item, "personalized_content_id", `Personalized content ${contentId} does not exist`);
      return false;
    }
    if (event.user_id && !users.has(event.user_id)) {
      reject(item, "user_id", `User ${event.user_id} does not exist`);
      return false;
    }
    return true;
  });
}

function allRejected(rejected: Rejection[]): ApiError {
  const errors: FieldError[] = rejected
    .sort((a, b) => a.index - b.index)
    .flatMap(({ index, errors }) =>
      errors.map((error) => ({
        field: `events.${index}.${error.field}`,
        location: "body" as const,
        message: error.message,
      })),
    );
  const detail =
    rejected.length === 1
      ? "The event is invalid."
      : `All ${rejected.length} events are invalid; none was stored.`;
  return new ApiError("validation_failed", detail, errors);
}
