"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, toQueryString } from "@/lib/client/api-client";
import type {
  BulkAddMembersInput,
  bulkAddResultSchema,
  ListMembersQuery,
  Member,
  memberPageSchema,
} from "@/lib/members/schemas";
import type { explainSchema, refreshResultSchema } from "@/lib/segments/schemas";
import { type Job, waitForJob } from "./use-jobs";

export type { Member, UserSummary } from "@/lib/members/schemas";

export type MemberPage = z.infer<typeof memberPageSchema>;
export type MembersQuery = ListMembersQuery;
export type MemberSort = MembersQuery["sort"];
export type BulkAddResult = z.infer<typeof bulkAddResultSchema>;
export type RefreshResult = z.infer<typeof refreshResultSchema>;
export type MemberExplanation = z.infer<typeof explainSchema>;

const membersPath = (segmentId: string) => `/api/v1/segments/${segmentId}/members`;

export function useMembers(segmentId: string, params: MembersQuery) {
  return useQuery({
    queryKey: ["members", { segment_id: segmentId, ...params }],
    queryFn: () => apiFetch<MemberPage>(`${membersPath(segmentId)}${toQueryString({ ...params })}`),
    placeholderData: keepPreviousData,
  });
}

export function useMemberExplanation(segmentId: string, userId: string | null) {
  return useQuery({
    queryKey: ["member-explanation", { segment_id: segmentId, user_id: userId }],
    queryFn: () => apiFetch<MemberExplanation>(`/api/v1/segments/${segmentId}/explain/${userId}`),
    enabled: Boolean(userId),
  });
}

/** What a membership change makes stale: the member list, the segment's counts and its analytics. */
function useInvalidateMembership(segmentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["members", { segment_id: segmentId }] }),
      queryClient.invalidateQueries({ queryKey: ["segments"] }),
      queryClient.invalidateQueries({ queryKey: ["segment"] }),
      queryClient.invalidateQueries({ queryKey: ["analytics", { segment_id: segmentId }] }),
    ]);
}

export function useAddMember(segmentId: string) {
  const invalidate = useInvalidateMembership(segmentId);
  return useMutation({
    mutationFn: ({ userId, confidenceScore }: { userId: string; confidenceScore?: number }) =>
      apiFetch<Member>(`${membersPath(segmentId)}/${userId}`, {
        method: "POST",
        json: confidenceScore === undefined ? {} : { confidence_score: confidenceScore },
      }),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(segmentId: string) {
  const invalidate = useInvalidateMembership(segmentId);
  return useMutation({
    mutationFn: (userId: string) =>
      apiFetch<void>(`${membersPath(segmentId)}/${userId}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

/** Adds members in chunks (the endpoint takes at most 10,000 identifiers), reporting progress after each. */
export function useImportMembers(segmentId: string) {
  const invalidate = useInvalidateMembership(segmentId);
  return useMutation({
    mutationFn: async ({
      chunks,
      onProgress,
    }: {
      chunks: BulkAddMembersInput[];
      onProgress: (done: number, total: number) => void;
    }) => {
      const total: BulkAddResult = { added: 0, updated: 0, not_found: [], member_count: 0 };
      onProgress(0, chunks.length);
      for (const [index, chunk] of chunks.entries()) {
        const result = await apiFetch<BulkAddResult>(membersPath(segmentId), { method: "POST", json: chunk });
        total.added += result.added;
        total.updated += result.updated;
        total.not_found.push(...result.not_found);
        total.member_count = result.member_count;
        onProgress(index + 1, chunks.length);
      }
      return total;
    },
    onSettled: invalidate,
  });
}

/**
 * POST /refresh. A big refresh answers 202 with a background job: the mutation then follows the job to its
 * end (reporting progress 0–1) and resolves with its result, so callers see one outcome either way.
 */
export function useRefreshMembers(segmentId: string, onProgress?: (progress: number) => void) {
  const invalidate = useInvalidateMembership(segmentId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const answer = await apiFetch<RefreshResult | Job>(`/api/v1/segments/${segmentId}/refresh`, {
        method: "POST",
      });
      if (!("kind" in answer)) return answer;
      void queryClient.invalidateQueries({ queryKey: ["jobs"] });
      const job = await waitForJob(answer.id, (reading) => onProgress?.(reading.progress));
      if (job.status === "failed" || !job.result) throw new Error(job.error ?? "The refresh failed.");
      return job.result;
    },
    onSuccess: invalidate,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["jobs"] }),
  });
}

export const membersExportUrl = (segmentId: string) => `${membersPath(segmentId)}/export`;
