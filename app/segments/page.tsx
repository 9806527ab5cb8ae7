import { HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { SegmentsList } from "@/components/segments-list/segments-list";
import { LoadingState } from "@/components/ui/states";
import { requirePageVisitor } from "@/lib/auth/page-guard";
import { prefetchSegmentsList } from "./prefetch";

export const metadata: Metadata = { title: "Segments" };

export default async function SegmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageVisitor();
  const filtered = Object.keys(await searchParams).length > 0;
  const state = filtered ? undefined : await prefetchSegmentsList(new QueryClient());
  return (
    <HydrationBoundary state={state}>
      <Suspense fallback={<LoadingState label="Loading segments…" />}>
        <SegmentsList />
      </Suspense>
    </HydrationBoundary>
  );
}
