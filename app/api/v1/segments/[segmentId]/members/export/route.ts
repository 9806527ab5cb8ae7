import { withApi } from "@/lib/api/handler";
import { parseId } from "@/lib/api/request";
import { exportMembersCsv } from "@/lib/members/service";

type Params = { segmentId: string };

// GET /api/v1/segments/{segment_id}/members/export - download the members as CSV
export const GET = withApi<Params>({ scope: "segments:read" }, async ({ params }) => {
  const segmentId = parseId(params.segmentId, "segment_id");
  const stream = await exportMembersCsv(segmentId);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="segment-${segmentId}-members.csv"`,
    },
  });
});

export * from "@/lib/api/method-not-allowed";
