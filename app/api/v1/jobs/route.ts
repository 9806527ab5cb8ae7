import { withApi } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { listJobsQuery } from "@/lib/jobs/schemas";
import { listJobs } from "@/lib/jobs/service";

// GET /api/v1/jobs - recent background jobs, newest first, by segment and status
export const GET = withApi(async ({ searchParams }) => {
  return json(await listJobs(parseQuery(searchParams, listJobsQuery)));
});
