import "server-only";
import { experimentJob } from "@/lib/experiments/scheduled-pass";
import { propensityJob } from "@/lib/propensity/propensity-job";
import { retentionJob } from "@/lib/retention/retention-job";
import { segmentFreshnessJob } from "@/lib/segments/freshness-job";
import { webhookDispatcherJob } from "@/lib/webhooks/dispatcher";
import type { ScheduledJob } from "./scheduler";

/** Every job the server runs on a schedule; each domain adds its own here. */
export function scheduledJobs(): ScheduledJob[] {
  return [experimentJob(), retentionJob, segmentFreshnessJob(), webhookDispatcherJob(), propensityJob()];
}
