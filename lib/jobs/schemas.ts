import { z } from "zod";
import { timestamp } from "@/lib/api/schemas";
import { refreshResultSchema } from "@/lib/segments/schemas";

export const jobStatuses = ["queued", "running", "succeeded", "failed"] as const;
export const jobKinds = ["segment_refresh"] as const;

export const jobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(jobKinds),
    segment_id: z.uuid().nullable(),
    status: z.enum(jobStatuses),
    progress: z.number().min(0).max(1).describe("Share of the work done, 0 to 1."),
    // One kind of job so far: when another comes, `result` becomes a union keyed by `kind`.
    result: refreshResultSchema.nullable().describe("When succeeded: what the refresh produced."),
    error: z.string().nullable().describe("When failed: why, in words."),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    updated_at: timestamp,
    finished_at: timestamp.nullable(),
  })
  .meta({ id: "Job" });

export const listJobsQuery = z
  .object({
    segment_id: z.uuid().optional(),
    status: z.enum(jobStatuses).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const jobListSchema = z.object({ items: z.array(jobSchema) }).meta({ id: "JobList" });

export type ListJobsQuery = z.infer<typeof listJobsQuery>;
