import type { Metadata } from "next";
import { Suspense } from "react";
import { OverlapView } from "@/components/overlap/overlap-view";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Segment overlap" };

export default function OverlapPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <OverlapView />
    </Suspense>
  );
}
