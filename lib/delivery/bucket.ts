import { createHash } from "node:crypto";

/** Buckets 0–9999: a share of 0.01 % is the finest split an arm can get. */
export const BUCKET_COUNT = 10_000;

/**
 * The user's bucket in a segment's experiment: the first 4 bytes of SHA-256(`${salt}:${userId}`), read as an
 * unsigned big-endian integer, modulo 10,000. The same on every process and machine, so a decision can be
 * repeated anywhere (`printf '%s' "$salt:$user" | sha256sum`). The modulo's bias (2^32 is not a multiple of
 * 10,000) makes the first 7,296 buckets more likely by 1 in 429,497: far below any test's power.
 */
export function bucketOf(salt: string, userId: string): number {
  const digest = createHash("sha256").update(`${salt}:${userId}`).digest();
  return digest.readUInt32BE(0) % BUCKET_COUNT;
}

export interface WeightedArm {
  id: string;
  weight: number;
}

/**
 * The arm whose range holds the bucket. Arms are taken in the order given (which must be stable: by creation)
 * and each gets a range of buckets proportional to its weight over the sum of the weights, so an arm's share
 * is weight / sum and arms of weight 0 get no one. Undefined when no arm has a positive weight.
 */
export function armForBucket<Arm extends WeightedArm>(arms: readonly Arm[], bucket: number): Arm | undefined {
  const eligible = arms.filter((arm) => arm.weight > 0 && Number.isFinite(arm.weight));
  const total = eligible.reduce((sum, arm) => sum + arm.weight, 0);
  if (total <= 0) return undefined;
  let cumulative = 0;
  for (const arm of eligible) {
    cumulative += arm.weight;
    if (bucket < (cumulative / total) * BUCKET_COUNT) return arm;
  }
  // Rounding can leave the last bucket just past the last boundary.
  return eligible[eligible.length - 1];
}
