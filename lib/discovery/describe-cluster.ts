import { type CartNode, DecisionTreeClassifier } from "ml-cart";
import type { Feature } from "./features";
import { sampleIndexes, seededRandom } from "./seeded-random";

const DAY_MS = 86_400_000;
/** The tree sees the features that set the cluster apart most; the rest would only slow ml-cart down. */
const TREE_FEATURES = 10;
/** Profiles per side (in the cluster, not in it): ml-cart tries every split point, O(n²) per feature. */
const TREE_ROWS_PER_SIDE = 300;
const MAX_DEPTH = 3;
const integerFields = new Set(["age", "purchase_count", "avg_session_duration"]);
const timeFields = new Set(["last_active_at", "created_at"]);
const arrayFields = new Set(["interests", "content_preferences"]);

export type Rule = Record<string, unknown>;

/** One step down the tree: feature `column` below (`lt`) or at least (`gte`) the threshold. */
interface Step {
  column: number;
  side: "lt" | "gte";
  threshold: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Features ranked by how far the cluster's mean is from the rest's (standardized units / shares). */
function rankFeatures(standardized: number[][], inCluster: boolean[]): number[] {
  const width = standardized[0]?.length ?? 0;
  const gaps = Array.from({ length: width }, (_, column) => {
    let sumIn = 0;
    let nIn = 0;
    let sumOut = 0;
    let nOut = 0;
    for (let i = 0; i < standardized.length; i++) {
      if (inCluster[i]) {
        sumIn += standardized[i][column];
        nIn++;
      } else {
        sumOut += standardized[i][column];
        nOut++;
      }
    }
    return { column, gap: Math.abs((nIn ? sumIn / nIn : 0) - (nOut ? sumOut / nOut : 0)) };
  });
  return gaps.sort((a, b) => b.gap - a.gap || a.column - b.column).map((g) => g.column);
}

function positivePaths(node: CartNode, path: Step[], out: Step[][]): void {
  if (node.left && node.right && node.splitColumn !== undefined && node.splitValue !== undefined) {
    positivePaths(
      node.left,
      [...path, { column: node.splitColumn, side: "lt", threshold: node.splitValue }],
      out,
    );
    positivePaths(
      node.right,
      [...path, { column: node.splitColumn, side: "gte", threshold: node.splitValue }],
      out,
    );
    return;
  }
  const distribution = node.distribution;
  const positiveShare = distribution && distribution.columns > 1 ? distribution.get(0, 1) : 0;
  if (positiveShare > 0.5) out.push(path);
}

/** A root-to-leaf path as criteria rules: bounds on one feature merged, categories grouped per field. */
function pathToRules(steps: Step[], features: Feature[], now: Date): Rule[] {
  const bounds = new Map<number, { low?: number; high?: number }>();
  const has = new Map<string, { yes: string[]; no: string[] }>();
  for (const step of steps) {
    const feature = features[step.column];
    if (feature.kind === "category") {
      const entry = has.get(feature.field) ?? { yes: [], no: [] };
      // A 0/1 column splits at 0.5: at least it means the profile holds the value.
      (step.side === "gte" ? entry.yes : entry.no).push(feature.value);
      has.set(feature.field, entry);
      continue;
    }
    const entry = bounds.get(step.column) ?? {};
    if (step.side === "gte") entry.low = Math.max(entry.low ?? Number.NEGATIVE_INFINITY, step.threshold);
    else entry.high = Math.min(entry.high ?? Number.POSITIVE_INFINITY, step.threshold);
    bounds.set(step.column, entry);
  }
  const rules: Rule[] = [];
  for (const [column, { low, high }] of bounds) {
    const field = features[column].field;
    if (timeFields.has(field)) {
      // Days ago at least `low` = active on or before that instant; fewer than `high` days = after it.
      const instant = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
      if (low !== undefined) rules.push({ field, op: "lte", value: instant(low) });
      if (high !== undefined) rules.push({ field, op: "gt", value: instant(high) });
    } else if (integerFields.has(field)) {
      // Whole numbers: x ≥ 30.5 is x ≥ 31, and x < 30.5 is x ≤ 30.
      const min = low === undefined ? undefined : Math.ceil(low);
      const max = high === undefined ? undefined : Math.ceil(high) - 1;
      if (min !== undefined && max !== undefined)
        rules.push({ field, op: "between", value: [min, Math.max(min, max)] });
      else if (min !== undefined) rules.push({ field, op: "gte", value: Math.max(0, min) });
      else if (max !== undefined) rules.push({ field, op: "lte", value: Math.max(0, max) });
    } else {
      if (low !== undefined) rules.push({ field, op: "gte", value: Math.max(0, round4(low)) });
      if (high !== undefined) rules.push({ field, op: "lt", value: Math.max(0, round4(high)) });
    }
  }
  for (const [field, { yes, no }] of has) {
    if (arrayFields.has(field)) {
      if (yes.length > 0) rules.push({ field, op: "contains_all", value: yes });
      if (no.length > 0) rules.push({ not: { field, op: "contains_any", value: no } });
    } else if (yes.length > 0) {
      // Holding one value already rules out the others, so the path's `no` values add nothing.
      rules.push(...yes.map((value) => ({ field, op: "eq", value })));
    } else if (no.length === 1) {
      rules.push({ field, op: "neq", value: no[0] });
    } else {
      rules.push({ field, op: "not_in", value: no });
    }
  }
  return rules;
}

/** When the tree finds no split, the single most distinctive feature, cut halfway between the two means. */
function fallbackRule(
  column: number,
  features: Feature[],
  raw: number[][],
  inCluster: boolean[],
  now: Date,
): Rule[] {
  let sumIn = 0;
  let nIn = 0;
  let sumOut = 0;
  let nOut = 0;
  for (let i = 0; i < raw.length; i++) {
    if (inCluster[i]) {
      sumIn += raw[i][column];
      nIn++;
    } else {
      sumOut += raw[i][column];
      nOut++;
    }
  }
  const meanIn = nIn ? sumIn / nIn : 0;
  const meanOut = nOut ? sumOut / nOut : 0;
  const threshold = (meanIn + meanOut) / 2;
  return pathToRules([{ column, side: meanIn >= meanOut ? "gte" : "lt", threshold }], features, now);
}

/**
 * The cluster as criteria: a shallow CART tree (ml-cart, depth ≤ 3) fitted one-vs-rest on a balanced,
 * seeded subsample of raw values; each leaf where the cluster is the majority becomes an `all` of its path's
 * conditions, and the leaves are joined by `any`. Balancing keeps a small cluster from being out-voted.
 */
export function describeCluster(input: {
  features: Feature[];
  raw: number[][];
  standardized: number[][];
  labels: number[];
  cluster: number;
  seed: number;
  now: Date;
}): Record<string, unknown> {
  const { features, raw, standardized, labels, cluster, seed, now } = input;
  const inCluster = labels.map((label) => label === cluster);
  const ranked = rankFeatures(standardized, inCluster);
  const columns = ranked.slice(0, TREE_FEATURES);
  const random = seededRandom(seed * 31 + cluster + 1);
  const positives = inCluster.flatMap((yes, i) => (yes ? [i] : []));
  const negatives = inCluster.flatMap((yes, i) => (yes ? [] : [i]));
  const rows = [
    ...sampleIndexes(positives.length, TREE_ROWS_PER_SIDE, random).map((i) => positives[i]),
    ...sampleIndexes(negatives.length, TREE_ROWS_PER_SIDE, random).map((i) => negatives[i]),
  ];
  const paths: Step[][] = [];
  if (positives.length > 0 && negatives.length > 0) {
    const tree = new DecisionTreeClassifier({ maxDepth: MAX_DEPTH, minNumSamples: 10, gainThreshold: 0.001 });
    tree.train(
      rows.map((i) => columns.map((c) => raw[i][c])),
      rows.map((i) => (inCluster[i] ? 1 : 0)),
    );
    positivePaths(tree.root, [], paths);
  }
  const described = paths
    .map((steps) =>
      pathToRules(
        steps.map((s) => ({ ...s, column: columns[s.column] })),
        features,
        now,
      ),
    )
    .filter((rules) => rules.length > 0);
  if (described.length === 0) return { all: fallbackRule(ranked[0] ?? 0, features, raw, inCluster, now) };
  const asItem = (rules: Rule[]) => (rules.length === 1 ? rules[0] : { all: rules });
  return described.length === 1 ? { all: described[0] } : { any: described.map(asItem) };
}
