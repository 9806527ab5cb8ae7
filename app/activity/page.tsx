import type { Metadata } from "next";
import { Suspense } from "react";
import { ActivityView } from "@/components/activity/activity-view";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Activity" };

export default function ActivityPage() {
  return (
    <Suspense fallback={<LoadingState />}>
      <ActivityView />
    </Suspense>
  );
}
