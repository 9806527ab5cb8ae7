"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";
import type { BulkAddMembersInput, Member, memberSortKeys } from "@/lib/members/schemas";
import { waitForJob } from "./use-jobs";

export type { Member, UserSummary } from "@/lib/members/schemas";

export type MemberSort = (typeof memberSortKeys)[number];
export type MemberPage = ApiSchema<"MemberPage">;
export type BulkAddResult = ApiSchema<"MembersBulkAddResult">;
export type RefreshResult = ApiSchema<"RefreshResult">;
export type MemberExplanation = ApiSchema<"MembershipExplanation">;

export interface MembersQuery {
  limit: number;
  /** The page's start: a previous page's `next_cursor` (keyset paging); the first page has none. */
  cursor?: string;
  sort: MemberSort;
  source?: Member["source"];
  search?: string;
}

const segmentPath = (segmentId: string) => ({ path: { segment_id: segmentId } });
const membersPath = (segmentId: string) => `/api/v1/segments/${segmentId}/members`;

export function useMembers(segmentId: string, params: MembersQuery) {
  return useQuery({
    queryKey: ["members", { segment_id: segmentId, ...params }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/members", {
          params: { ...segmentPath(segmentId), query: params },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMemberExplanation(segmentId: string, userId: string | null) {
  return useQuery({
    queryKey: ["member-explanation", { segment_id: segmentId, user_id: userId }],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/segments/{segment_id}/explain/{user_id}", {
          params: { path: { segment_id: segmentId, user_id: userId! } },
        }),
      ),
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
      unwrap(
        api.POST("/api/v1/segments/{segment_id}/members/{user_id}", {
          params: { path: { segment_id: segmentId, user_id: userId } },
          body: confidenceScore === undefined ? {} : { confidence_score: confidenceScore },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRemoveMember(segmentId: string) {
  const invalidate = useInvalidateMembership(segmentId);
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.DELETE("/api/v1/segments/{segment_id}/members/{user_id}", {
          params: { path: { segment_id: segmentId, user_id: userId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Where an import stands after its last answered request: the parts sent and what they did together. */
export interface ImportProgress {
  done: number;
  total: number;
  outcome: BulkAddResult;
}

export const noImportOutcome = (): BulkAddResult => ({
  added: 0,
  updated: 0,
  not_found: [],
  member_count: 0,
});

/**
 * Adds members in parts (the endpoint takes at most 10,000 identifiers), one after another from `from`,
 * adding each answer to `carried` and reporting progress after each. A part that fails ends the
 * import; the caller keeps the last progress reported, so that a second try resumes at the part that failed
 * instead of sending again what was already added.
 */
export function useImportMembers(segmentId: string) {
  const invalidate = useInvalidateMembership(segmentId);
  return useMutation({
    mutationFn: async ({
      chunks,
      from = 0,
      carried = noImportOutcome(),
      onProgress,
    }: {
      chunks: BulkAddMembersInput[];
      from?: number;
      carried?: BulkAddResult;
      onProgress: (progress: ImportProgress) => void;
    }) => {
      let outcome = carried;
      onProgress({ done: from, total: chunks.length, outcome });
      for (let index = from; index < chunks.length; index++) {
        const result = await unwrap(
          api.POST("/api/v1/segments/{segment_id}/members", {
            params: segmentPath(segmentId),
            body: chunks[index],
          }),
        );
        outcome = {
          added: outcome.added + result.added,
          updated: outcome.updated + result.updated,
          not_found: [...outcome.not_found, ...result.not_found],
          member_count: result.member_count,
        };
        onProgress({ done: index + 1, total: chunks.length, outcome });
      }
      return outcome;
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
      const answer = await unwrap(
        api.POST("/api/v1/segments/{segment_id}/refresh", { params: segmentPath(segmentId) }),
      );
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
