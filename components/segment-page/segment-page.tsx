"use client";

import dynamic from "next/dynamic";
import { useSearchParams } from "next/navigation";
import { useSegment } from "@/components/hooks/use-segment";
import { OverviewTab } from "@/components/segment-overview/overview-tab";
import { Link } from "@/components/ui/link";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { Tabs } from "@/components/ui/tabs";
import { SegmentHeader } from "./segment-header";

// The other tabs' code (forms, tables, the experiment chart) loads when one is opened, not with the page.
// They render in the browser only: server-rendered, their forms would show before they could take input
// (a file chosen in the CSV import before its code arrived was lost).
const tabLoading = () => <LoadingState label="Loading…" />;
const MembersTab = dynamic(
  () => import("@/components/segment-members/members-tab").then((module) => module.MembersTab),
  { loading: tabLoading, ssr: false },
);
const ContentTab = dynamic(
  () => import("@/components/segment-content/content-tab").then((module) => module.ContentTab),
  { loading: tabLoading, ssr: false },
);
const SettingsTab = dynamic(
  () => import("@/components/segment-settings/settings-tab").then((module) => module.SettingsTab),
  { loading: tabLoading, ssr: false },
);

const tabIds = ["overview", "members", "content", "settings"] as const;
type TabId = (typeof tabIds)[number];

const isTabId = (value: string | null): value is TabId => tabIds.includes(value as TabId);

/** The segment page: a header and four tabs; the open tab lives in the URL (?tab=members) so it can be shared. */
export function SegmentPage({ segmentId }: { segmentId: string }) {
  const searchParams = useSearchParams();
  const requested = searchParams.get("tab");
  const tab: TabId = isTabId(requested) ? requested : "overview";
  const segment = useSegment(segmentId);

  const selectTab = (id: string) => {
    const params = new URLSearchParams(searchParams.toString());
    if (id === "overview") params.delete("tab");
    else params.set("tab", id);
    const query = params.toString();
    // Next keeps useSearchParams in step with the History API, without a round trip to the server.
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  };

  if (segment.isPending) return <LoadingState label="Loading segment…" />;
  if (segment.isError) {
    return (
      <div className="space-y-4">
        <ErrorState error={segment.error} onRetry={() => segment.refetch()} />
        <Link href="/segments" className="text-sm text-indigo-700 underline">
          Back to segments
        </Link>
      </div>
    );
  }
  const data = segment.data;
  return (
    <div className="space-y-6">
      <SegmentHeader segment={data} />
      <Tabs
        label="Segment sections"
        selected={tab}
        onSelect={selectTab}
        tabs={[
          { id: "overview", label: "Overview", content: <OverviewTab segment={data} /> },
          { id: "members", label: "Members", content: <MembersTab segment={data} /> },
          { id: "content", label: "Content & A/B", content: <ContentTab segment={data} /> },
          { id: "settings", label: "Settings", content: <SettingsTab segment={data} /> },
        ]}
      />
    </div>
  );
}
