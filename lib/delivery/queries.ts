import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { queryRows, queryRowsPrepared } from "@/db/rows";
import type { SegmentExperiment } from "./choose-arm";

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export interface DeliveryArm {
  id: string;
  segment_id: string;
  content_id: string;
  variant_id: string | null;
  is_control: boolean;
  traffic_weight: number;
  title: string;
  content_type: string;
  body: string | null;
}

export interface DeliveryMembership {
  user_id: string;
  segment_id: string;
  segment_name: string;
  priority: number;
  confidence_score: number;
  assigned_id: string | null;
  assigned_bucket: number | null;
}

export interface DeliverySnapshot {
  /** Request index → the profile's id, null when unknown. */
  users: { i: number; user_id: string | null }[];
  memberships: DeliveryMembership[];
  experiments: Omit<SegmentExperiment<DeliveryArm>, "arms">[];
  /** Ordered by segment, then creation (the stable arm order). */
  arms: DeliveryArm[];
}

/**
 * Everything decide needs for a batch of users, in ONE round trip: the profiles behind the ids, their
 * memberships in active segments with any stored assignment, and those segments' settings (defaults when
 * absent), latest allocation and arms. Every part is an index lookup, whatever the size of the tables.
 */
export async function readDeliverySnapshot(
  refs: readonly { i: number; user_id?: string; external_id?: string }[],
  segmentIds: readonly string[] | undefined,
): Promise<DeliverySnapshot> {
  const [row] = await queryRowsPrepared<DeliverySnapshot>(
    await getDb(),
    deliverySnapshotQuery(refs, segmentIds),
  );
  return row;
}

/** The statement readDeliverySnapshot runs (the benchmark explains it). */
export function deliverySnapshotQuery(
  refs: readonly { i: number; user_id?: string; external_id?: string }[],
  segmentIds: readonly string[] | undefined,
) {
  return sql`with refs as (
        select r.i, coalesce(by_id.id, by_external.id) as user_id
        from jsonb_to_recordset(${json(refs)}) as r(i int, user_id uuid, external_id text)
        left join users by_id on by_id.id = r.user_id
        left join users by_external on by_external.external_id = r.external_id
      ), memberships as (
        select u.user_id, s.id as segment_id, s.segment_name, s.priority, m.confidence_score,
          a.personalized_content_id as assigned_id, a.bucket as assigned_bucket
        from (select distinct user_id from refs where user_id is not null) u
        join segment_members m on m.user_id = u.user_id
        join audience_segments s on s.id = m.segment_id
        -- A lookup by primary key per membership, whatever the statistics say about the table's size (LIMIT
        -- keeps PostgreSQL from flattening it into a join it could run as a scan of the whole table).
        left join lateral (
          select personalized_content_id, bucket from experiment_assignments a
          where a.segment_id = s.id and a.user_id = u.user_id limit 1
        ) a on true
        where s.status = 'active'
          and (${segmentIds === undefined}::boolean
            or s.id in (select value::uuid from jsonb_array_elements_text(${json(segmentIds ?? [])})))
      ), segments as (select distinct segment_id from memberships)
      select
        (select coalesce(jsonb_agg(jsonb_build_object('i', i, 'user_id', user_id)), '[]') from refs) as users,
        (select coalesce(jsonb_agg(to_jsonb(memberships)), '[]') from memberships) as memberships,
        (select coalesce(jsonb_agg(jsonb_build_object(
            'segment_id', s.segment_id,
            'status', coalesce(es.status, 'running'),
            'allocation', coalesce(es.allocation, 'fixed'),
            'salt', es.salt,
            'winner_personalized_content_id', es.winner_personalized_content_id,
            'latest_allocation', (select jsonb_build_object('id', ea.id, 'shares', ea.shares)
              from experiment_allocations ea where ea.segment_id = s.segment_id
              order by ea.created_at desc, ea.id desc limit 1))), '[]')
          from segments s left join experiment_settings es on es.segment_id = s.segment_id) as experiments,
        (select coalesce(jsonb_agg(jsonb_build_object(
            'id', pc.id, 'segment_id', pc.segment_id, 'content_id', pc.content_id, 'variant_id', pc.variant_id,
            'is_control', pc.is_control, 'traffic_weight', pc.traffic_weight,
            'title', c.title, 'content_type', c.content_type, 'body', c.body)
            order by pc.segment_id, pc.created_at, pc.id), '[]')
          from personalized_content pc join content c on c.id = pc.content_id
          where pc.segment_id in (select segment_id from segments)) as arms`;
}

export interface NewAssignment {
  segment_id: string;
  user_id: string;
  personalized_content_id: string;
  bucket: number;
  allocation_id: number | null;
}

/**
 * Stores first exposures in ONE statement. A segment whose split was never recorded (content that predates
 * allocations) gets its current split recorded first, so that every assignment points at the shares it was
 * made with. A concurrent first exposure of the same user wins the race through the primary key: that row is
 * left as it is and its key is absent from the answer.
 */
export async function insertAssignments(
  rows: readonly NewAssignment[],
  unrecordedSplits: readonly { segment_id: string; shares: Record<string, number> }[],
): Promise<{ segment_id: string; user_id: string }[]> {
  if (rows.length === 0) return [];
  return queryRowsPrepared(
    await getDb(),
    sql`with recorded as (
        insert into experiment_allocations (segment_id, shares, reason)
        select m.segment_id, m.shares, 'weights'
        from jsonb_to_recordset(${json(unrecordedSplits)}) as m(segment_id uuid, shares jsonb)
        where not exists (select 1 from experiment_allocations ea where ea.segment_id = m.segment_id)
        returning id, segment_id
      )
      insert into experiment_assignments (segment_id, user_id, personalized_content_id, bucket, allocation_id)
      select d.segment_id, d.user_id, d.personalized_content_id, d.bucket,
        coalesce(d.allocation_id, (select id from recorded where recorded.segment_id = d.segment_id))
      from jsonb_to_recordset(${json(rows)}) as d(segment_id uuid, user_id uuid, personalized_content_id uuid,
        bucket int, allocation_id bigint)
      order by d.segment_id, d.user_id
      on conflict (segment_id, user_id) do nothing
      returning segment_id::text as segment_id, user_id::text as user_id`,
  );
}

/** The stored assignments of the given (segment, user) pairs. */
export async function findAssignments(
  keys: readonly { segment_id: string; user_id: string }[],
): Promise<{ segment_id: string; user_id: string; personalized_content_id: string; bucket: number }[]> {
  if (keys.length === 0) return [];
  return queryRows(
    await getDb(),
    sql`select a.segment_id::text as segment_id, a.user_id::text as user_id,
        a.personalized_content_id::text as personalized_content_id, a.bucket
      from experiment_assignments a
      join jsonb_to_recordset(${json(keys)}) as k(segment_id uuid, user_id uuid)
        on a.segment_id = k.segment_id and a.user_id = k.user_id`,
  );
}
