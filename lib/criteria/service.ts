import "server-only";
import type { Database } from "@/db/client";
import { referenceNotFound } from "@/lib/api/errors";
import { personaExists } from "@/lib/personas/queries";
import { propensityFieldStatus } from "@/lib/propensity/service";
import type { EstimateRequest } from "./api-schemas";
import { operatorsByType, profileFields } from "./fields";
import { parseValidCriteria } from "./parse-criteria";
import * as queries from "./queries";
import { createRefreshingCache } from "./refreshing-cache";

export async function estimateAudienceSize(input: EstimateRequest) {
  if (input.persona_id && !(await personaExists(input.persona_id))) {
    throw referenceNotFound("persona_id", "Persona", input.persona_id);
  }
  const node = parseValidCriteria(input.criteria);
  const { matched, total, sample } = await queries.estimateAudience(node, new Date());
  const percentage = total === 0 ? 0 : Math.round((matched / total) * 10_000) / 100;
  return { estimated_size: matched, total_users: total, percentage, sample };
}

/** How many users the criteria select right now (a segment's estimated_size). */
export async function estimateCriteriaSize(
  criteria: Record<string, unknown>,
  db?: Database,
): Promise<number> {
  return queries.countMatchingUsers(parseValidCriteria(criteria), new Date(), db);
}

const VALUES_PER_FIELD = 100;

/** How long the catalogue's values and counts are served without a recount, and the most they may lag. */
export const CATALOGUE_FRESH_MS = 30_000;
export const CATALOGUE_MAX_STALE_MS = 10 * 60_000;

/**
 * The values present and their counts come from a scan of every user (seconds at a million): they are kept
 * in the process and recounted in the background when older than 30 s (see refreshing-cache.ts), so a
 * builder visit never waits for the scan except the first, or the first after ten idle minutes. The server
 * starts the first count itself (warmCriteriaFieldCatalogue). Held on globalThis: the server's start-up code
 * and the route handlers are separate bundles, and they must share one cache.
 */
function createCatalogueCounts() {
  return createRefreshingCache({
    load: async () => {
      const [values, traits, events] = await Promise.all([
        queries.listFieldValues(VALUES_PER_FIELD),
        queries.listTraitKeys(VALUES_PER_FIELD),
        queries.listEventNames(VALUES_PER_FIELD),
      ]);
      return { values, traits, events };
    },
    freshMs: CATALOGUE_FRESH_MS,
    maxStaleMs: CATALOGUE_MAX_STALE_MS,
    onBackgroundError: logCatalogueError,
  });
}

function logCatalogueError(error: unknown) {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code;
  console.error(`Recounting the criteria field catalogue failed${code ? ` (SQLSTATE ${code})` : ""}`);
}

const globalForCatalogue = globalThis as {
  criteriaCatalogueCounts?: ReturnType<typeof createCatalogueCounts>;
};
globalForCatalogue.criteriaCatalogueCounts ??= createCatalogueCounts();
const catalogueCounts = globalForCatalogue.criteriaCatalogueCounts;

/** Starts the catalogue's first count in the background, so that the first builder visit does not wait for it. */
export function warmCriteriaFieldCatalogue(): void {
  catalogueCounts.get().catch(logCatalogueError);
}

/** The visual builder's catalogue: every field with its operators, the values present, and the trait keys. */
export async function listCriteriaFields() {
  const [{ values, traits, events }, propensity] = await Promise.all([
    catalogueCounts.get(),
    propensityFieldStatus(),
  ]);
  // The model-written field is offered only while a trained model stands behind it, with its AUC.
  const unavailable = propensity.available
    ? []
    : [{ field: "conversion_propensity", reason: propensity.reason }];
  const offered = Object.entries(profileFields).filter(
    ([field]) => !unavailable.some((u) => u.field === field),
  );
  const fields = offered.map(([field, spec]) => {
    const present = values.filter((v) => v.field === field).map(({ value, count }) => ({ value, count }));
    return {
      field,
      label: spec.label,
      type: spec.type,
      operators: [...operatorsByType[spec.type]],
      ...("categorical" in spec && spec.categorical ? { values: present } : {}),
      ...(field === "conversion_propensity" && propensity.available
        ? { model: { auc: propensity.auc, trained_at: propensity.trained_at } }
        : {}),
    };
  });
  const traitFields = traits.map(({ key }) => ({
    field: `traits.${key}`,
    label: `Trait ${key}`,
    type: "json" as const,
    operators: [...operatorsByType.json],
  }));
  return { fields: [...fields, ...traitFields], traits, events, unavailable };
}
