import "server-only";
import { dehydrate, type QueryClient } from "@tanstack/react-query";
import { serialize } from "@/lib/api/response";
import { criteriaFieldsSchema } from "@/lib/criteria/api-schemas";
import { listCriteriaFields } from "@/lib/criteria/service";
import { personaPageSchema } from "@/lib/personas/schemas";
import { listPersonas } from "@/lib/personas/service";
import { segmentPageSchema } from "@/lib/segments/schemas";
import { listSegments } from "@/lib/segments/service";

/** PAGE_SIZE of components/segments-list/use-list-params.ts (a client module, so not importable here). */
const PAGE_SIZE = 25;
const PERSONA_PICKER_LIMIT = 500;

/**
 * Reads the unfiltered first page of segments and the personas that name them on the server, under the
 * query keys of useSegments and usePersonas and in the shape the API answers with, so the list arrives in the HTML instead of after a round trip.
 * Filtered or later pages (a query string) are fetched by the browser as before.
 */
export async function prefetchSegmentsList(queryClient: QueryClient) {
  const [segments] = await Promise.all([
    listSegments({ limit: PAGE_SIZE, offset: 0, sort: "-created_at" }),
    prefetchPersonaPicker(queryClient),
  ]);
  queryClient.setQueryData(
    ["segments", { limit: PAGE_SIZE, offset: 0 }],
    segmentPageSchema.parse(serialize(segments)),
  );
  return dehydrate(queryClient);
}

/**
 * The builder's first screen (new and edit): the field catalogue, whose values are the suggestion chips, and
 * the persona picker's personas, under useCriteriaFields' and usePersonas' keys. Without them the builder
 * rendered, asked the API, and rendered again with its chips pushing the form down.
 */
export async function prefetchBuilder(queryClient: QueryClient) {
  const [fields] = await Promise.all([listCriteriaFields(), prefetchPersonaPicker(queryClient)]);
  queryClient.setQueryData(["criteria-fields"], criteriaFieldsSchema.parse(serialize(fields)));
}

async function prefetchPersonaPicker(queryClient: QueryClient) {
  const personas = await listPersonas({ limit: PERSONA_PICKER_LIMIT, offset: 0 });
  queryClient.setQueryData(
    ["personas", { limit: PERSONA_PICKER_LIMIT }],
    personaPageSchema.parse(serialize(personas)),
  );
}
