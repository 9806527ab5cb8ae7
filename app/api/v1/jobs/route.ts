import { withApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { jobListSchema, listJobsQuery } from "@/lib/jobs/schemas";
import { listJobs } from "@/lib/jobs/service";

// GET /api/v1/jobs - recent background jobs, newest first, by segment and status
export const GET = withApi({ scope: "segments:read" }, async ({ searchParams }) => {
  return json(jobListSchema, await listJobs(parseQuery(searchParams, listJobsQuery)));
});

export * from "@/lib/api/method-not-allowed";
