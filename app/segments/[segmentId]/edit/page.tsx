import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { EditSegment } from "@/components/criteria-builder/edit-segment";
import { requirePageVisitor } from "@/lib/auth/page-guard";
import { prefetchBuilder } from "../../prefetch";
import { prefetchSegment } from "../prefetch";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  await requirePageVisitor();
  const { segmentId } = await params;
  // The segment, the catalogue and the personas come with the HTML: the builder renders filled in at once.
  const queryClient = new QueryClient();
  await Promise.all([prefetchBuilder(queryClient), prefetchSegment(queryClient, segmentId)]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <EditSegment segmentId={segmentId} />
    </HydrationBoundary>
  );
}
