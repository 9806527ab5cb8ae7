"use client";

import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type { jobListSchema, jobSchema } from "@/lib/jobs/schemas";

export type Job = z.infer<typeof jobSchema>;
type JobList = z.infer<typeof jobListSchema>;

export const isJobActive = (job: Pick<Job, "status">) => job.status === "queued" || job.status === "running";

/** The segment's latest refresh job; polled every second while it runs, so a progress bar can follow it. */
export function useSegmentRefreshJob(segmentId: string) {
  return useQuery({
    queryKey: ["jobs", { segment_id: segmentId, limit: 1 }],
    queryFn: async () => {
      const list = await apiFetch<JobList>(
        `/api/v1/jobs${toQueryString({ segment_id: segmentId, limit: 1 })}`,
      );
      return list.items[0] ?? null;
    },
    refetchInterval: (query) => (query.state.data && isJobActive(query.state.data) ? 1_000 : false),
  });
}

/** Polls a job until it has finished; `onProgress` hears each reading. */
export async function waitForJob(
  id: string,
  onProgress: (job: Job) => void,
  intervalMs = 1_000,
): Promise<Job> {
  for (;;) {
    const job = await apiFetch<Job>(`/api/v1/jobs/${id}`);
    onProgress(job);
    if (!isJobActive(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
