import type { Feature } from "./features";
import type { ProfileLift } from "./schemas";

const MAX_LIFTS = 8;
const timeFields = new Set(["last_active_at", "created_at"]);

/**
 * What sets a cluster apart, as lifts: a categorical value's share in the cluster over its share in the
 * sample, a numeric field's mean in the cluster over its mean in the sample (value: the cluster's mean; for
 * dates, days ago). Ranked by |log lift| (twice as common and half as common are equally distinctive).
 */
export function profileLifts(
  features: Feature[],
  raw: number[][],
  labels: number[],
  cluster: number,
): ProfileLift[] {
  const members = raw.filter((_, i) => labels[i] === cluster);
  if (members.length === 0) return [];
  const lifts: (ProfileLift & { strength: number })[] = [];
  features.forEach((feature, column) => {
    let sum = 0;
    for (const row of members) sum += row[column];
    const clusterMean = sum / members.length;
    const sampleMean = feature.kind === "numeric" ? feature.mean : feature.share;
    if (!(sampleMean > 0) || !Number.isFinite(clusterMean)) return;
    const lift = Math.max(0, clusterMean / sampleMean);
    const strength = lift > 0 ? Math.abs(Math.log(lift)) : Number.MAX_VALUE;
    if (!Number.isFinite(lift)) return;
    if (feature.kind === "category") {
      lifts.push({ field: feature.field, value: feature.value, lift: round(lift), strength });
    } else {
      const value = timeFields.has(feature.field) ? Math.round(clusterMean * 10) / 10 : round(clusterMean);
      lifts.push({ field: feature.field, value, lift: round(lift), strength });
    }
  });
  return lifts
    .sort((a, b) => b.strength - a.strength || a.field.localeCompare(b.field))
    .slice(0, MAX_LIFTS)
    .map(({ strength: _, ...lift }) => lift);
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A short name from the two most distinctive traits above average, e.g. "Interests: ai · Country: US". */
export function proposalName(
  lifts: ProfileLift[],
  labelOf: (field: string) => string,
  index: number,
): string {
  const above = lifts.filter((l) => l.lift > 1).slice(0, 2);
  if (above.length === 0) return `Discovered segment ${index + 1}`;
  return above
    .map((l) => {
      if (typeof l.value === "string") return `${labelOf(l.field)}: ${l.value}`;
      if (timeFields.has(l.field)) return `${labelOf(l.field)} long ago`;
      return `High ${labelOf(l.field).toLowerCase()}`;
    })
    .join(" · ");
}
