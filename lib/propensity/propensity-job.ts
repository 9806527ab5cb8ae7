import "server-only";
import { readEnv } from "@/lib/env";
import type { ScheduledJob } from "@/lib/scheduler/scheduler";
import { trainPropensityModel } from "./service";

/** Retrains the conversion-propensity model and rescores everyone every PROPENSITY_INTERVAL_SECONDS. */
export function propensityJob(): ScheduledJob {
  return {
    name: "propensity",
    intervalSeconds: readEnv().PROPENSITY_INTERVAL_SECONDS,
    run: async (tx) => {
      await trainPropensityModel(new Date(), tx);
    },
  };
}
