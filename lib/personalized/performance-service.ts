import "server-only";
import { transaction } from "@/db/client";
import { ApiError, notFound } from "@/lib/api/errors";
import type { FieldError } from "@/lib/api/schemas";
import { aggregateEvents, utcDay } from "./aggregate-events";
import { addToCounters, addToDaily, lockCounters, totalsOf } from "./performance-queries";
import { difference, nextTotals, type PerformanceInput, ratioErrors } from "./performance-totals";
import { findPersonalized } from "./queries";
import type { PerformanceEvent, PerformanceUpdateInput } from "./schemas";

function ratioError(errors: FieldError[]): ApiError {
  return new ApiError("validation_failed", errors.map((error) => error.message).join("; "), errors);
}

/**
 * The spec's update_content_performance: `set` replaces the totals given, `increment` adds to them.
 * Either way the change (new − old) is added to today's (UTC) daily row and a history snapshot is
 * appended, in one transaction. `set` locks the row to read the old totals; `increment` is a single
 * atomic `x = x + n`, so neither loses a count to a concurrent update.
 */
export async function updatePerformance(id: string, input: PerformanceUpdateInput) {
  const day = utcDay(new Date());
  await transaction(async (tx) => {
    if (input.mode === "increment") {
      const delta = {
        views: input.views ?? 0,
        engagement: input.engagement ?? 0,
        conversions: input.conversions ?? 0,
      };
      const [row] = await addToCounters([{ id, ...delta }], { guardRatios: true }, tx);
      if (!row) {
        // Nothing updated: the row is missing or the ratio guard refused it. With the row locked, the
        // current totals tell which; a concurrent update may also have made the increment valid since.
        const [current] = await lockCounters([id], tx);
        if (!current) throw notFound("Personalized content", id);
        const errors = ratioErrors(nextTotals(totalsOf(current), input as PerformanceInput), input);
        if (errors.length > 0) throw ratioError(errors);
        await addToCounters([{ id, ...delta }], { guardRatios: false }, tx);
      }
      await addToDaily([{ id, day, ...delta }], tx);
      return;
    }
    const [current] = await lockCounters([id], tx);
    if (!current) throw notFound("Personalized content", id);
    const before = totalsOf(current);
    const after = nextTotals(before, input as PerformanceInput);
    const errors = ratioErrors(after, input);
    if (errors.length > 0) throw ratioError(errors);
    const delta = difference(after, before);
    await addToCounters([{ id, ...delta }], { guardRatios: false }, tx);
    await addToDaily([{ id, day, ...delta }], tx);
  });
  const row = await findPersonalized(id);
  if (!row) throw notFound("Personalized content", id);
  return row;
}

const MAX_FIELD_ERRORS = 100;
// Senders' clocks run a little ahead at times; an event further ahead than this is a mistake.
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Records a batch of events: aggregated in one pass, then one statement bumps every affected row's
 * counters (locked in id order first), one upsert adds to the daily rows, one snapshot per row goes to
 * the history. Unknown ids fail the whole batch with 422 and nothing is written.
 */
export async function recordPerformanceEvents(events: PerformanceEvent[]) {
  const now = new Date();
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const future = events.flatMap((event, index) =>
    event.occurred_at && Date.parse(event.occurred_at) > latest
      ? [{ field: `events.${index}.occurred_at`, location: "body" as const, message: "Lies in the future" }]
      : [],
  );
  if (future.length > 0) {
    throw new ApiError(
      "validation_failed",
      "Events cannot have happened in the future.",
      future.slice(0, MAX_FIELD_ERRORS),
    );
  }
  const { items, days } = aggregateEvents(events, now);
  const counters = await transaction(async (tx) => {
    const locked = await lockCounters(
      items.map((item) => item.id),
      tx,
    );
    if (locked.length < items.length) {
      const known = new Set(locked.map((row) => row.personalized_content_id));
      const reported = new Set<string>();
      const errors: FieldError[] = [];
      events.forEach((event, index) => {
        const id = event.personalized_content_id;
        if (known.has(id) || reported.has(id)) return;
        reported.add(id);
        errors.push({
          field: `events.${index}.personalized_content_id`,
          location: "body",
          message: `Personalized content ${id} does not exist`,
        });
      });
      throw new ApiError(
        "reference_not_found",
        `${reported.size} personalized_content_id(s) do not exist; no event was recorded.`,
        errors.slice(0, MAX_FIELD_ERRORS),
      );
    }
    const updated = await addToCounters(items, { guardRatios: false }, tx);
    await addToDaily(days, tx);
    return updated;
  });
  return { accepted: events.length, items: counters };
}
