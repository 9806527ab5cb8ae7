import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { RenderedQuery } from "@/db/rows";

const dialect = new PgDialect();
/**
 * The template is rendered at three clocks. The offsets are odd amounts of milliseconds, so that an instant
 * aligned to a calendar unit (the start of an hour, a day, a month, a year) cannot move by exactly them.
 */
const PROBE_OFFSETS_MS = [86_400_000 + 1_234_567, 400 * 86_400_000 + 7_654_321];
/** Stands for the users while a template is rendered; found again among the parameters by its value. */
const USERS_SENTINEL = ["ffffffff-0000-4000-8000-7e3a1a7e5e17"];
const MAX_TEMPLATES = 200;

interface Template {
  sql: string;
  params: unknown[];
  renderedAt: number;
  /** Parameters that are instants derived from the clock (a window's cutoff, `now` itself). */
  clockParams: number[];
  usersParam: number;
}

const templates = new Map<string, Template | null>();

/**
 * A statement whose text depends only on what `key` names (the segments' criteria), rendered to text and
 * parameters once and reused: building and rendering the SQL of 25 segments' criteria is most of a
 * one-user re-evaluation's time, while only two kinds of parameter change between calls — the users (one
 * jsonb list) and the instants derived from the clock, each `now` minus a fixed span. The template is
 * rendered with a sentinel user list at three clocks (PROBE_OFFSETS_MS apart): the texts must be the same,
 * and each parameter must either be the same at all three or move by exactly the clocks' distance (it is
 * then shifted to the call's clock). Otherwise the statement is not templated and is rendered on every call.
 */
export function renderWithTemplate(
  key: string,
  build: (now: Date, userIds: string[]) => SQL,
  now: Date,
  userIds: string[],
): RenderedQuery {
  let template = templates.get(key);
  if (template === undefined) {
    template = makeTemplate(build, now);
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(key, template);
  }
  if (template === null) {
    const { sql, params } = dialect.sqlToQuery(build(now, userIds));
    return { sql, params };
  }
  const shift = now.getTime() - template.renderedAt;
  const params = [...template.params];
  for (const i of template.clockParams) {
    params[i] = new Date(Date.parse(params[i] as string) + shift).toISOString();
  }
  params[template.usersParam] = JSON.stringify(userIds);
  return { sql: template.sql, params };
}

function makeTemplate(build: (now: Date, userIds: string[]) => SQL, now: Date): Template | null {
  const first = dialect.sqlToQuery(build(now, USERS_SENTINEL));
  const probes = PROBE_OFFSETS_MS.map((offset) => ({
    offset,
    query: dialect.sqlToQuery(build(new Date(now.getTime() + offset), USERS_SENTINEL)),
  }));
  if (probes.some(({ query }) => query.sql !== first.sql || query.params.length !== first.params.length))
    return null;
  const sentinel = JSON.stringify(USERS_SENTINEL);
  const usersParams = first.params.flatMap((p, i) => (p === sentinel ? [i] : []));
  if (usersParams.length !== 1) return null;
  const clockParams: number[] = [];
  for (let i = 0; i < first.params.length; i++) {
    const a = first.params[i];
    const moved = probes.map(({ query }) => query.params[i] !== a);
    if (moved.every((m) => !m)) continue;
    const linear = probes.every(
      ({ offset, query }) =>
        typeof a === "string" &&
        typeof query.params[i] === "string" &&
        Date.parse(query.params[i] as string) - Date.parse(a) === offset,
    );
    if (!linear) return null;
    clockParams.push(i);
  }
  return { ...first, renderedAt: now.getTime(), clockParams, usersParam: usersParams[0] };
}
