import "server-only";
import { notFound } from "@/lib/api/errors";
import * as queries from "./queries";
import type { ListJobsQuery } from "./schemas";

export async function getJob(id: string) {
  const job = await queries.findJob(id);
  if (!job) throw notFound("Job", id);
  return job;
}

export async function listJobs(query: ListJobsQuery) {
  return { items: await queries.listJobs(query) };
}
