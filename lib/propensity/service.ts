import "server-only";
import { type Database, transaction } from "@/db/client";
import type { PropensityModel } from "@/db/schema";
import { sampleIndexes, seededRandom } from "@/lib/discovery/seeded-random";
import { chooseFeatures, designRow, type PropensityModelSpec } from "./features";
import { areaUnderCurve, fitLogistic, predictLogistic } from "./logistic-regression";
import * as queries from "./queries";
import type { PropensityModelSummary } from "./schemas";

const DAY_MS = 86_400_000;
export const CONVERSION_WINDOW_DAYS = 30;
/** Profiles read for training: IRLS costs n·p² per step, and 50,000 give the weights to two decimals. */
export const TRAINING_LIMIT = 50_000;
/** Fewer converting (or non-converting) profiles than this and the weights would be mostly noise. */
export const MIN_PER_CLASS = 30;
const TEST_SHARE = 0.2;
const SPLIT_SEED = 20_260_101;

function summary(row: PropensityModel, scored: number): PropensityModelSummary {
  return {
    status: row.status,
    reason: row.reason,
    auc: row.auc,
    train_size: row.train_size,
    test_size: row.test_size,
    positives: row.positives,
    scored,
    trained_at: row.trained_at.toISOString(),
  };
}

/**
 * Trains the conversion-propensity model: "converted on any content in the last 30 days" on profile fields,
 * an 80/20 seeded split, AUC on the held-out 20%, then every profile's score written in one statement, all in
 * one transaction (the model row and the scores it wrote are seen together). With too little data it records
 * why and clears the scores, so that criteria on the field match no one rather than a stale model's picks.
 */
export async function trainPropensityModel(now = new Date(), db?: Database): Promise<PropensityModelSummary> {
  const run = async (tx: Database) => {
    const since = new Date(now.getTime() - CONVERSION_WINDOW_DAYS * DAY_MS);
    const rows = await queries.readTrainingRows(since, now, TRAINING_LIMIT, tx);
    const positives = rows.filter((r) => r.converted).length;
    const negatives = rows.length - positives;
    const testIndexes = new Set(
      sampleIndexes(rows.length, Math.round(rows.length * TEST_SHARE), seededRandom(SPLIT_SEED)),
    );
    const test = rows.filter((_, i) => testIndexes.has(i));
    const train = rows.filter((_, i) => !testIndexes.has(i));
    const testPositives = test.filter((r) => r.converted).length;
    const reason =
      positives < MIN_PER_CLASS || negatives < MIN_PER_CLASS
        ? `${positives} of ${rows.length} profiles converted in the last ${CONVERSION_WINDOW_DAYS} days; the model ` +
          `needs at least ${MIN_PER_CLASS} that did and ${MIN_PER_CLASS} that did not.`
        : testPositives === 0 || testPositives === test.length
          ? "The held-out 20% holds only one class, so the model's AUC cannot be measured."
          : null;
    const counts = { train_size: train.length, test_size: test.length, positives };
    if (reason) {
      await queries.clearScores(tx);
      return summary(
        await queries.insertModel({ status: "insufficient_data", reason, ...counts, trained_at: now }, tx),
        0,
      );
    }
    const features = chooseFeatures(train, now);
    const fit = fitLogistic(
      train.map((r) => designRow(r, features, now)),
      train.map((r) => (r.converted ? 1 : 0)),
    );
    const auc = areaUnderCurve(
      test.map((r) => predictLogistic(fit.coefficients, designRow(r, features, now))),
      test.map((r) => (r.converted ? 1 : 0)),
    );
    const model: PropensityModelSpec = {
      intercept: fit.coefficients[0],
      numeric: features.numeric.map((f, i) => ({ ...f, weight: fit.coefficients[1 + i] })),
      categories: features.categories.map((f, i) => ({
        ...f,
        weight: fit.coefficients[1 + features.numeric.length + i],
      })),
    };
    const scored = await queries.writeScores(model, now, tx);
    const saved = await queries.insertModel(
      {
        status: "trained",
        reason: null,
        auc,
        ...counts,
        model: model as unknown as Record<string, unknown>,
        trained_at: now,
      },
      tx,
    );
    return summary(saved, scored);
  };
  return db ? run(db) : transaction(run);
}

/** The catalogue's view of the field: the model's AUC when there is one, else why not. */
export async function propensityFieldStatus(): Promise<
  { available: true; auc: number; trained_at: string } | { available: false; reason: string }
> {
  const model = await queries.latestModel();
  if (!model) return { available: false, reason: "The propensity model has not been trained yet." };
  if (model.status !== "trained" || model.auc === null) {
    return { available: false, reason: model.reason ?? "The propensity model could not be trained." };
  }
  return { available: true, auc: model.auc, trained_at: model.trained_at.toISOString() };
}
