import type { Metadata } from "next";
import Link from "next/link";
import { SegmentBuilder } from "@/components/criteria-builder/segment-builder";
import { requirePageVisitor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New segment" };

export default async function NewSegmentPage() {
  await requirePageVisitor();
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
      <SegmentBuilder />
    </div>
  );
}
