import { jobListSchema, jobSchema, listJobsQuery } from "@/lib/jobs/schemas";
import type { Operation } from "../operation";

const tags = ["Jobs"];

export const jobsOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/jobs/{job_id}",
    operationId: "getJob",
    scope: "segments:read",
    summary: "A background job: status, progress and outcome",
    description:
      "`status` goes queued → running → succeeded (with `result`) or failed (with `error`); `progress` " +
      "runs from 0 to 1. Jobs run in the server process that accepted them: one that stops (shutdown, " +
      "crash) leaves its job failed, and the work is started again by asking again.",
    tags,
    pathParams: { job_id: "The job's id." },
    responses: {
      200: { description: "The job.", schema: jobSchema },
      404: "No such job.",
      422: "The id is not a UUID.",
    },
  },
  {
    method: "get",
    path: "/api/v1/jobs",
    operationId: "listJobs",
    scope: "segments:read",
    summary: "Recent background jobs, newest first",
    tags,
    query: listJobsQuery,
    responses: {
      200: { description: "The jobs.", schema: jobListSchema },
      422: "Invalid query parameters.",
    },
  },
];
