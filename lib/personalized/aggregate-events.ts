import type { PerformanceTotals } from "./performance-totals";

export interface PerformanceEventInput {
  personalized_content_id: string;
  type: "view" | "engagement" | "conversion";
  count: number;
  occurred_at?: string;
}

export type ItemDelta = PerformanceTotals & { id: string };
export type DayDelta = ItemDelta & { day: string };

const metricOf = { view: "views", engagement: "engagement", conversion: "conversions" } as const;

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * One pass over a batch: the totals to add per personalized content item, and per item and UTC day
 * (events without occurred_at count for `now`'s day). Both come out sorted by id (then day), the
 * order in which rows are locked and written.
 */
export function aggregateEvents(
  events: readonly PerformanceEventInput[],
  now: Date,
): { items: ItemDelta[]; days: DayDelta[] } {
  const items = new Map<string, ItemDelta>();
  const days = new Map<string, DayDelta>();
  const today = utcDay(now);
  for (const event of events) {
    const id = event.personalized_content_id;
    const day = event.occurred_at ? utcDay(new Date(event.occurred_at)) : today;
    const metric = metricOf[event.type];
    let item = items.get(id);
    if (!item) {
      item = { id, views: 0, engagement: 0, conversions: 0 };
      items.set(id, item);
    }
    item[metric] += event.count;
    const key = `${id}|${day}`;
    let dayRow = days.get(key);
    if (!dayRow) {
      dayRow = { id, day, views: 0, engagement: 0, conversions: 0 };
      days.set(key, dayRow);
    }
    dayRow[metric] += event.count;
  }
  const byId = (a: ItemDelta, b: ItemDelta) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    items: [...items.values()].sort(byId),
    days: [...days.values()].sort((a, b) => byId(a, b) || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
  };
}
