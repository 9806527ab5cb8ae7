import "server-only";
import type { Database } from "@/db/client";
import { referenceNotFound } from "@/lib/api/errors";
import { personaExists } from "@/lib/personas/queries";
import { propensityFieldStatus } from "@/lib/propensity/service";
import type { EstimateRequest } from "./api-schemas";
import { operatorsByType, profileFields } from "./fields";
import { parseValidCriteria } from "./parse-criteria";
import * as queries from "./queries";

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

/** The visual builder's catalogue: every field with its operators, the values present, and the trait keys. */
export async function listCriteriaFields() {
  const [values, traits, propensity] = await Promise.all([
    queries.listFieldValues(VALUES_PER_FIELD),
    queries.listTraitKeys(VALUES_PER_FIELD),
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
  return { fields: [...fields, ...traitFields], traits, unavailable };
}
