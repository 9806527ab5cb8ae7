import type { Metadata } from "next";
import { Suspense } from "react";
import { SegmentsList } from "@/components/segments-list/segments-list";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Segments" };

export default function SegmentsPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading segments…" />}>
      <SegmentsList />
    </Suspense>
  );
}
