import type { Metadata } from "next";
import { Suspense } from "react";
import { OverlapView } from "@/components/overlap/overlap-view";
import { LoadingState } from "@/components/ui/states";
import { requirePageVisitor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Segment overlap" };

export default async function OverlapPage() {
  await requirePageVisitor();
  return (
    <Suspense fallback={<LoadingState />}>
      <OverlapView />
    </Suspense>
  );
}
