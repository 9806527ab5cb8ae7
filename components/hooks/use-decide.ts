"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ApiSchema, api, unwrap } from "@/lib/client/api";
import { ApiProblem } from "@/lib/client/api-client";
import { findUser, type User } from "./use-users";

export type UserDecision = ApiSchema<"UserDecision">;
export type Decision = ApiSchema<"Decision">;
export type DecisionReason = Decision["assignment"]["reason"];

export interface Preview {
  user: User;
  decision: UserDecision;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the typed identifier is read: a UUID is a user id, anything with an @ an email, else an external id. */
export function identifierKind(identifier: string): "user_id" | "email" | "external_id" {
  const text = identifier.trim();
  if (uuidPattern.test(text)) return "user_id";
  return text.includes("@") ? "email" : "external_id";
}

const kindName = { user_id: "id", email: "email", external_id: "external id" } as const;

/**
 * What decide answers for a user right now, without recording an exposure (`record_exposure: false`), for the
 * identifier once it is submitted. The user is looked up through the users API first, so an unknown identifier
 * says so instead of answering empty lists.
 */
export function useDecidePreview(identifier: string | null, segmentIds?: string[]) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ["decide-preview", { identifier, segment_ids: segmentIds }],
    queryFn: async (): Promise<Preview> => {
      const text = (identifier ?? "").trim();
      const kind = identifierKind(text);
      const user =
        kind === "user_id"
          ? await unwrap(api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: text } } })).catch(
              (error: unknown) => {
                if (error instanceof ApiProblem && error.status === 404) return undefined;
                throw error;
              },
            )
          : await findUser(queryClient, kind === "email" ? { email: text } : { external_id: text });
      if (!user) throw new Error(`No user has the ${kindName[kind]} “${text}”.`);
      const answer = await unwrap(
        api.POST("/api/v1/decide", {
          body: {
            user_id: user.id,
            record_exposure: false,
            ...(segmentIds ? { segment_ids: segmentIds } : {}),
          },
        }),
      );
      if ("results" in answer) throw new Error("decide answered a batch for one user.");
      return { user, decision: answer };
    },
    enabled: Boolean(identifier?.trim()),
    retry: false,
    // A preview shows the state of now: each submission asks again.
    staleTime: 0,
    gcTime: 0,
  });
}
