import "server-only";
import { evaluateCriteria } from "@/lib/criteria/evaluate";
import { profileFields } from "@/lib/criteria/fields";
import { parseValidCriteria } from "@/lib/criteria/parse-criteria";
import { estimateCriteriaSize } from "@/lib/criteria/service";
import { clusterPoints } from "./clustering";
import { describeCluster } from "./describe-cluster";
import { encodeProfiles } from "./features";
import { profileLifts, proposalName } from "./profile-lifts";
import { countUsers, sampleProfiles } from "./queries";
import { type DiscoverRequest, type DiscoverResult, defaultDiscoveryFields } from "./schemas";

const labelOf = (field: string) =>
  Object.hasOwn(profileFields, field) ? profileFields[field as keyof typeof profileFields].label : field;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * Segment discovery: a seeded sample of profiles, encoded and clustered (k by silhouette unless given), each
 * cluster described as criteria by a shallow tree. Precision and recall compare the criteria (run by the
 * criteria oracle, the same meaning as the SQL) with the cluster on the sample; `size` is the criteria's
 * exact audience on the whole table, counted by the estimate service.
 */
export async function discoverSegments(input: DiscoverRequest): Promise<DiscoverResult> {
  return (await runDiscovery(input)).result;
}

/** Discovery with the sample and each sampled profile's cluster (what the planted-cluster tests score). */
export async function runDiscovery(input: DiscoverRequest) {
  const fields = input.fields ?? defaultDiscoveryFields;
  const now = new Date();
  const profiles = await sampleProfiles(input.sample_size, input.seed);
  const encoded = encodeProfiles(profiles, fields, now);
  const empty: DiscoverResult = { proposals: [], k: 0, silhouette: 0, sample_size: profiles.length, fields };
  if (profiles.length < 2 || encoded.features.length === 0) return { result: empty, profiles, labels: [] };

  const clustering = clusterPoints(encoded.standardized, input.seed, input.k);
  if (clustering.k < 2) return { result: { ...empty, k: clustering.k }, profiles, labels: clustering.labels };
  const total = await countUsers();
  const proposals = [];
  for (let cluster = 0; cluster < clustering.k; cluster++) {
    const criteria = describeCluster({
      ...encoded,
      labels: clustering.labels,
      cluster,
      seed: input.seed,
      now,
    });
    const node = parseValidCriteria(criteria);
    let selected = 0;
    let selectedInCluster = 0;
    let clusterSize = 0;
    profiles.forEach((profile, i) => {
      const inCluster = clustering.labels[i] === cluster;
      const matches = evaluateCriteria(node, profile, now).matches;
      if (inCluster) clusterSize++;
      if (matches) selected++;
      if (matches && inCluster) selectedInCluster++;
    });
    const size = await estimateCriteriaSize(criteria);
    const profile = profileLifts(encoded.features, encoded.raw, clustering.labels, cluster);
    proposals.push({
      name: proposalName(profile, labelOf, cluster),
      size,
      share: ratio(size, total),
      criteria,
      precision: ratio(selectedInCluster, selected),
      recall: ratio(selectedInCluster, clusterSize),
      cluster_size: clusterSize,
      profile,
    });
  }
  // Two clusters can earn the same name from their top traits: number the repeats so each is addressable.
  const seen = new Map<string, number>();
  for (const proposal of proposals) {
    const count = (seen.get(proposal.name) ?? 0) + 1;
    seen.set(proposal.name, count);
    if (count > 1) proposal.name = `${proposal.name} (${count})`;
  }
  // Four decimals: days-ago features move with the clock, which changes the last bits from one call to the next.
  const silhouette = Math.round(Math.max(-1, Math.min(1, clustering.silhouette)) * 10_000) / 10_000;
  const result = { proposals, k: clustering.k, silhouette, sample_size: profiles.length, fields };
  return { result, profiles, labels: clustering.labels };
}
