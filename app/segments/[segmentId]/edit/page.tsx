import type { Metadata } from "next";
import { EditSegment } from "@/components/criteria-builder/edit-segment";
import { requirePageVisitor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  await requirePageVisitor();
  const { segmentId } = await params;
  return <EditSegment segmentId={segmentId} />;
}
