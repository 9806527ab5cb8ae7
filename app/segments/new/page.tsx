import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { SegmentBuilder, type SegmentDraft } from "@/components/criteria-builder/segment-builder";
import { Link } from "@/components/ui/link";
import { requirePageVisitor } from "@/lib/auth/page-guard";
import { parseCriteria } from "@/lib/criteria/parse-criteria";
import { prefetchBuilder } from "../prefetch";

export const metadata: Metadata = { title: "New segment" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * `?name=…&criteria=<JSON>` pre-fills the builder (Discover's "Create segment"). Criteria that do not
 * parse are left out rather than half-loaded: the builder then starts empty.
 */
function draftOf(params: Record<string, string | string[] | undefined>): SegmentDraft | undefined {
  const name = typeof params.name === "string" ? params.name.slice(0, 100) : "";
  if (typeof params.criteria !== "string") return name ? { name, criteria: {} } : undefined;
  try {
    const criteria: unknown = JSON.parse(params.criteria);
    if (criteria && typeof criteria === "object" && !Array.isArray(criteria) && parseCriteria(criteria).ok) {
      return { name, criteria: criteria as Record<string, unknown> };
    }
  } catch {
    // Not JSON: start from empty criteria.
  }
  return name ? { name, criteria: {} } : undefined;
}

export default async function NewSegmentPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageVisitor();
  const draft = draftOf(await searchParams);
  const queryClient = new QueryClient();
  await prefetchBuilder(queryClient);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/segments" className="text-sm text-indigo-700 hover:underline">
          ← Segments
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New segment</h1>
        <p className="text-sm text-slate-600">
          Describe who belongs in the segment; the estimate updates as you go.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SegmentBuilder draft={draft} />
      </HydrationBoundary>
    </div>
  );
}
