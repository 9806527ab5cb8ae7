import type { Metadata } from "next";
import { Suspense } from "react";
import { SegmentPage } from "@/components/segment-page/segment-page";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Segment" };

export default async function Page({ params }: { params: Promise<{ segmentId: string }> }) {
  const { segmentId } = await params;
  return (
    <Suspense fallback={<LoadingState label="Loading segment…" />}>
      <SegmentPage segmentId={segmentId} />
    </Suspense>
  );
}
