"use client";

import { Link } from "@/components/ui/link";
import { ErrorState } from "@/components/ui/states";

export default function SegmentError({ error, retry }: { error: Error; retry: () => void }) {
  return (
    <div className="space-y-4">
      <ErrorState error={error} onRetry={retry} />
      <Link href="/segments" className="text-sm text-indigo-700 underline">
        Back to segments
      </Link>
    </div>
  );
}
