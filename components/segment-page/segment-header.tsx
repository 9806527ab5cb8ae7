import type { Segment } from "@/components/hooks/use-segments";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Link } from "@/components/ui/link";

const statusTone = { active: "green", paused: "amber", archived: "gray" } as const;

export function SegmentHeader({ segment }: { segment: Segment }) {
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/segments" className="text-indigo-700 underline hover:text-indigo-900">
          Segments
        </Link>
        <span aria-hidden className="mx-2 text-slate-400">
          /
        </span>
        <span aria-current="page" className="text-slate-600">
          {segment.segment_name}
        </span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{segment.segment_name}</h1>
        <Badge tone={statusTone[segment.status]}>{segment.status}</Badge>
        <Badge tone="indigo">{segment.strategy}</Badge>
        <Badge>{segment.membership_mode === "dynamic" ? "dynamic membership" : "manual membership"}</Badge>
        <Badge>priority {segment.priority}</Badge>
      </div>
      {segment.description ? <p className="max-w-3xl text-slate-600">{segment.description}</p> : null}
      <p className="text-xs text-slate-500">
        Created {formatDateTime(segment.created_at)} · Last analyzed{" "}
        {formatDateTime(segment.last_analyzed_at)}
      </p>
    </header>
  );
}
