import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { json } from "@/lib/api/response";
import { jobSchema } from "@/lib/jobs/schemas";
import { getJob } from "@/lib/jobs/service";

type Params = { jobId: string };

// GET /api/v1/jobs/{job_id} - a background job's status, progress and outcome
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  return json(jobSchema, await getJob(parseId(params.jobId, "job_id")));
});

export * from "@/lib/api/method-not-allowed";
