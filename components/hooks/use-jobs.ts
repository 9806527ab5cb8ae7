"use client";

import { useQuery } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";

export type Job = ApiSchema<"Job">;

export const isJobActive = (job: Pick<Job, "status">) => job.status === "queued" || job.status === "running";

/** The segment's latest refresh job; polled every second while it runs, so a progress bar can follow it. */
export function useSegmentRefreshJob(segmentId: string) {
  return useQuery({
    queryKey: ["jobs", { segment_id: segmentId, limit: 1 }],
    queryFn: async () => {
      const list = await unwrap(
        api.GET("/api/v1/jobs", { params: { query: { segment_id: segmentId, limit: 1 } } }),
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
    const job = await unwrap(api.GET("/api/v1/jobs/{job_id}", { params: { path: { job_id: id } } }));
    onProgress(job);
    if (!isJobActive(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
