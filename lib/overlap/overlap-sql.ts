import { type SQL, sql } from "drizzle-orm";

export interface OverlapPairRow {
  segment_a: string;
  segment_b: string;
  shared_members: number;
  members_a: number;
  members_b: number;
}

/**
 * One statement for every pair of the given segments, in the order the ids were given. Each pair's
 * shared members come from a self-join of segment_members written as a correlated subquery with both
 * segment ids fixed: PostgreSQL then merge-joins two index-only scans of the (segment_id, user_id) unique
 * index, which already yield user ids in order, so nothing is hashed or sorted and nothing spills to disk.
 * (Joining all the segments at once with `segment_id = any(...)` and `a.segment_id < b.segment_id` makes
 * a hash join that also matches every member with itself: about 8× slower on 2 × 300k members.)
 * Member counts are the segments' `member_count`, which membership changes keep exact under the lock.
 * Kept free of the database client so that the benchmark times exactly this query.
 */
export function overlapPairsSql(segmentIds: string[]): SQL {
  const ids = sql`array[${sql.join(
    segmentIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  return sql`
    with picked as (
      select s.id, s.member_count, ids.ord
      from unnest(${ids}) with ordinality as ids(id, ord)
      join audience_segments s on s.id = ids.id
    )
    select pa.id as segment_a, pb.id as segment_b,
      pa.member_count as members_a, pb.member_count as members_b,
      (select count(*)
        from segment_members a
        join segment_members b on b.user_id = a.user_id
        where a.segment_id = pa.id and b.segment_id = pb.id)::float8 as shared_members
    from picked pa
    join picked pb on pb.ord > pa.ord
    order by pa.ord, pb.ord`;
}
