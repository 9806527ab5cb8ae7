import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/rows";
import type { DayDelta, ItemDelta } from "./aggregate-events";
import type { PerformanceTotals } from "./performance-totals";

export interface CounterRow {
  personalized_content_id: string;
  view_count: number;
  engagement_count: number;
  conversion_count: number;
  engagement_rate: number;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/**
 * Locks the rows (ORDER BY id, so that concurrent batches cannot deadlock) until the transaction
 * ends and answers their current totals; ids that do not exist are absent.
 */
export async function lockCounters(ids: readonly string[], tx: Database): Promise<CounterRow[]> {
  return queryRows<CounterRow>(
    tx,
    sql`select id::text as personalized_content_id, view_count, engagement_count, conversion_count, engagement_rate
      from personalized_content
      where id in (select value::uuid from jsonb_array_elements_text(${json(ids)}))
      order by id for update`,
  );
}

/**
 * Two CTEs, `updated` and `snapshot`, that add the deltas of `source` (rows of id uuid, views, engagement,
 * conversions) to the counters: each row is updated atomically (`x = x + n`, re-read after waiting for a
 * concurrent writer's lock), so concurrent updates never lose a count. Recomputes engagement_rate and the
 * `performance` JSON, and appends a history snapshot per row. With `guardRatios`, a row whose engagement or
 * conversions would exceed its views is left alone (and absent from `updated`). Composable, so that a caller
 * can feed it from rows it writes in the same statement (the event stream does).
 */
export function counterUpdateCtes(source: SQL, options: { guardRatios: boolean }): SQL {
  const views = sql`pc.view_count + d.views`;
  const engagement = sql`pc.engagement_count + d.engagement`;
  const conversions = sql`pc.conversion_count + d.conversions`;
  const rate = sql`case when ${views} > 0 then (${engagement})::float8 * 100 / (${views}) else 0 end`;
  return sql`updated as (
      update personalized_content pc set
        view_count = ${views},
        engagement_count = ${engagement},
        conversion_count = ${conversions},
        engagement_rate = ${rate},
        performance = jsonb_build_object(
          'views', ${views}, 'engagement', ${engagement}, 'conversions', ${conversions},
          'engagement_rate', ${rate}, 'updated_at', now()
        ),
        updated_at = now()
      from (${source}) as d
      where pc.id = d.id
        and (not ${options.guardRatios}::boolean or (${engagement} <= ${views} and ${conversions} <= ${views}))
      returning pc.id, pc.view_count, pc.engagement_count, pc.conversion_count, pc.engagement_rate
    ), snapshot as (
      insert into content_performance_history
        (personalized_content_id, view_count, engagement_count, conversion_count, engagement_rate)
      select id, view_count, engagement_count, conversion_count, engagement_rate from updated
    )`;
}

/**
 * An upsert that adds the deltas of `source` (rows of id uuid, day date, views, engagement, conversions) to
 * content_performance_daily. Each (id, day) must appear once: an upsert cannot touch one row twice.
 */
export function dailyUpsert(source: SQL): SQL {
  return sql`insert into content_performance_daily as daily (personalized_content_id, day, views, engagements, conversions)
    select d.id, d.day, d.views, d.engagement, d.conversions from (${source}) as d
    order by d.id, d.day
    on conflict (personalized_content_id, day) do update set
      views = daily.views + excluded.views,
      engagements = daily.engagements + excluded.engagements,
      conversions = daily.conversions + excluded.conversions`;
}

/** Adds the deltas to the counters of every row named, in ONE statement (see counterUpdateCtes). */
export async function addToCounters(
  deltas: readonly ItemDelta[],
  options: { guardRatios: boolean },
  tx: Database,
): Promise<CounterRow[]> {
  const source = sql`select * from jsonb_to_recordset(${json(deltas)})
    as d(id uuid, views int, engagement int, conversions int)`;
  return queryRows<CounterRow>(
    tx,
    sql`with ${counterUpdateCtes(source, options)}
      select id::text as personalized_content_id, view_count, engagement_count, conversion_count, engagement_rate
      from updated order by id`,
  );
}

/** Adds the deltas to each row's day in content_performance_daily, in ONE upsert. */
export async function addToDaily(days: readonly DayDelta[], tx: Database): Promise<void> {
  if (days.length === 0) return;
  await tx.execute(
    dailyUpsert(
      sql`select * from jsonb_to_recordset(${json(days)})
        as d(id uuid, day date, views int, engagement int, conversions int)`,
    ),
  );
}

export function totalsOf(row: CounterRow): PerformanceTotals {
  return { views: row.view_count, engagement: row.engagement_count, conversions: row.conversion_count };
}
