import "server-only";
import { dehydrate, type QueryClient } from "@tanstack/react-query";
import { listPersonas } from "@/lib/personas/service";
import { listSegments } from "@/lib/segments/service";

/** PAGE_SIZE of components/segments-list/use-list-params.ts (a client module, so not importable here). */
const PAGE_SIZE = 25;
const PERSONA_PICKER_LIMIT = 500;

/** What the browser would receive from the API: JSON, so timestamps are ISO strings as the hooks expect. */
const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/**
 * Reads the unfiltered first page of segments and the personas that name them on the server, under the
 * query keys of useSegments and usePersonas, so the list arrives in the HTML instead of after a round trip.
 * Filtered or later pages (a query string) are fetched by the browser as before.
 */
export async function prefetchSegmentsList(queryClient: QueryClient) {
  const [segments, personas] = await Promise.all([
    listSegments({ limit: PAGE_SIZE, offset: 0, sort: "-created_at" }),
    listPersonas({ limit: PERSONA_PICKER_LIMIT, offset: 0 }),
  ]);
  queryClient.setQueryData(["segments", { limit: PAGE_SIZE, offset: 0 }], asJson(segments));
  queryClient.setQueryData(["personas", { limit: PERSONA_PICKER_LIMIT }], asJson(personas));
  return dehydrate(queryClient);
}
