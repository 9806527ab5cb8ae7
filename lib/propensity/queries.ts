import "server-only";
import { desc, type SQL, sql } from "drizzle-orm";
import { type Database, dbOrDefault } from "@/db/client";
import { queryRows } from "@/db/rows";
import { type PropensityModel, propensityModels } from "@/db/schema";
import type { PropensityModelSpec, TrainingRow } from "./features";

/** What counts as converting: a reserved `content_conversion` event (it always names its content). */
export const CONVERSION_EVENT = "content_conversion";

/**
 * Up to `limit` profiles in a seeded hash order (a uniform sample, the same for the same data), each with
 * whether it converted on any content in the window — one probe of events_user_time_idx per profile.
 */
export async function readTrainingRows(
  since: Date,
  now: Date,
  limit: number,
  db?: Database,
): Promise<TrainingRow[]> {
  const executor = await dbOrDefault(db);
  const rows = await queryRows<TrainingRow & { total_spent: string | number }>(
    executor,
    sql`select u.age, u.purchase_count, u.total_spent, u.avg_session_duration, u.interaction_score,
               u.last_active_at, lower(u.gender) as gender, u.location, u.engagement_level,
               u.engagement_frequency, u.interests, u.content_preferences,
               exists (select 1 from events e
                       where e.user_id = u.id and e.name = ${CONVERSION_EVENT}
                         and e.occurred_at > ${since.toISOString()}::timestamptz
                         and e.occurred_at <= ${now.toISOString()}::timestamptz) as converted
        from users u
        order by md5('propensity:' || u.id::text), u.id
        limit ${limit}`,
  );
  return rows.map((row) => ({
    ...row,
    total_spent: Number(row.total_spent),
    last_active_at: row.last_active_at === null ? null : new Date(row.last_active_at),
    converted: row.converted === true || (row.converted as unknown) === "t",
  }));
}

// Column references are constant text from the model's own field lists, never input; weights, means and
// values travel as parameters (about three per feature, whatever the number of users).
const column = (field: string) => sql.raw(`"users"."${field}"`);

function linearPredictor(model: PropensityModelSpec, now: Date): SQL {
  const terms: SQL[] = [sql`${model.intercept}::float8`];
  for (const { field, mean, sd, weight } of model.numeric) {
    const value =
      field === "days_inactive"
        ? sql`extract(epoch from (${now.toISOString()}::timestamptz - ${column("last_active_at")})) / 86400.0`
        : sql`${column(field)}::float8`;
    terms.push(
      sql`${weight}::float8 * ((coalesce(${value}, ${mean}::float8) - ${mean}::float8) / ${sd}::float8)`,
    );
  }
  for (const { field, value, weight } of model.categories) {
    const test =
      field === "interests" || field === "content_preferences"
        ? sql`${value}::text = any(${column(field)})`
        : field === "gender"
          ? sql`lower(${column(field)}) = ${value}::text`
          : sql`${column(field)} = ${value}::text`;
    terms.push(sql`(case when ${test} then ${weight}::float8 else 0 end)`);
  }
  return sql.join(terms, sql` + `);
}

/** Every profile's score in ONE statement: the model's coefficients are parameters, the arithmetic is SQL. */
export async function writeScores(model: PropensityModelSpec, now: Date, db?: Database): Promise<number> {
  const executor = await dbOrDefault(db);
  const eta = linearPredictor(model, now);
  // Every profile on purpose: a model scores everyone, and a score from an older model must not remain.
  const [row] = await queryRows<{ scored: number }>(
    executor,
    sql`with scored as (
          update users set conversion_propensity = 1.0 / (1.0 + exp(-greatest(-35.0, least(35.0, ${eta}))))
          returning 1
        )
        select count(*)::int as scored from scored`,
  );
  return Number(row.scored);
}

/** With too little data there is no model: no score may outlive the model that wrote it. */
export async function clearScores(db?: Database): Promise<void> {
  const executor = await dbOrDefault(db);
  await executor.execute(
    sql`update users set conversion_propensity = null where conversion_propensity is not null`,
  );
}

export async function insertModel(
  row: typeof propensityModels.$inferInsert,
  db?: Database,
): Promise<PropensityModel> {
  const executor = await dbOrDefault(db);
  const [saved] = await executor.insert(propensityModels).values(row).returning();
  return saved;
}

export async function latestModel(db?: Database): Promise<PropensityModel | undefined> {
  const executor = await dbOrDefault(db);
  const [row] = await executor
    .select()
    .from(propensityModels)
    .orderBy(desc(propensityModels.trained_at), desc(propensityModels.id))
    .limit(1);
  return row;
}
