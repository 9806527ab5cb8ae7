import type { Metadata } from "next";
import { TeamSettings } from "@/components/settings/team-settings";
import { requirePageVisitor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  await requirePageVisitor();
  return <TeamSettings />;
}
