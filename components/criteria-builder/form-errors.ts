import { ApiProblem } from "@/lib/client/api-client";

/** Where each field path the API may name is shown in the builder: the first prefix that matches wins. */
const placements: Array<[prefix: string, place: string]> = [
  ["segment_name", "segment_name"],
  ["description", "description"],
  ["persona_id", "persona_id"],
  ["strategy", "strategy"],
  ["membership_mode", "membership_mode"],
  ["criteria.age_range.1", "maxAge"],
  ["criteria.age_range", "minAge"],
  ["criteria.location", "locations"],
  ["criteria.gender", "genders"],
  ["criteria.interests", "interests"],
  ["criteria.purchase_history.total_spent_min", "minTotalSpent"],
  ["criteria.purchase_history", "minPurchases"],
  ["criteria.engagement_frequency", "engagementFrequencies"],
  ["criteria.content_preferences", "contentPreferences"],
  ["criteria.engagement_level", "engagementLevels"],
  ["criteria.avg_session_duration", "minSessionDuration"],
  ["criteria.last_active_days", "activeWithinDays"],
  ["criteria.interaction_score_min", "minInteractionScore"],
  ["criteria.all", "advanced"],
  ["criteria.any", "advanced"],
  ["criteria.not", "advanced"],
  ["criteria", "criteria"],
];

function placeOf(field: string): string | undefined {
  return placements.find(([prefix]) => field === prefix || field.startsWith(`${prefix}.`))?.[1];
}

export type FormErrors = Record<string, string>;

/** Places each message by its field path; a nested path is kept in the message to say which condition. */
function placeMessages(list: Array<{ field: string; message: string }>): FormErrors {
  const errors: FormErrors = {};
  for (const { field, message: text } of list) {
    const place = placeOf(field);
    if (!place) continue;
    const nested = place === "advanced" || place === "criteria";
    const message = nested ? `${field.replace(/^criteria\.?/, "") || "criteria"}: ${text}` : text;
    errors[place] = errors[place] ? `${errors[place]}; ${message}` : message;
  }
  return errors;
}

/** What the criteria parser (the same one the API runs) finds wrong, before anything is sent. */
export function formErrorsOfIssues(
  issues: Array<{ path: Array<string | number>; message: string }>,
): FormErrors {
  return placeMessages(
    issues.map((issue) => ({ field: ["criteria", ...issue.path].join("."), message: issue.message })),
  );
}

/**
 * Spreads an API error over the builder's fields. A 409 on create or save is the name clashing with another segment of the same persona.
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof ApiProblem)) return {};
  const errors = placeMessages(error.errors);
  if (error.status === 409 && !errors.segment_name) errors.segment_name = error.detail || error.title;
  return errors;
}
