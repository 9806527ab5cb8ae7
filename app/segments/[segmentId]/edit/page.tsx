import type { Metadata } from "next";
import { EditSegment } from "@/components/criteria-builder/edit-segment";

export const metadata: Metadata = { title: "Edit segment" };

export default async function EditSegmentPage({ params }: { params: Promise<{ segmentId: string }> }) {
  const { segmentId } = await params;
  return <EditSegment segmentId={segmentId} />;
}
