import { HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { SegmentPage } from "@/components/segment-page/segment-page";
import { LoadingState } from "@/components/ui/states";
import { requirePageVisitor } from "@/lib/auth/page-guard";
import { prefetchSegmentPage } from "./prefetch";

export const metadata: Metadata = { title: "Segment" };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ segmentId: string }>;
  searchParams: Promise<{ tab?: string | string[] }>;
}) {
  await requirePageVisitor();
  const [{ segmentId }, { tab }] = await Promise.all([params, searchParams]);
  const state = await prefetchSegmentPage(
    new QueryClient(),
    segmentId,
    typeof tab === "string" ? tab : undefined,
  );
  return (
    <HydrationBoundary state={state}>
      <Suspense fallback={<LoadingState label="Loading segment…" />}>
        <SegmentPage segmentId={segmentId} />
      </Suspense>
    </HydrationBoundary>
  );
}
