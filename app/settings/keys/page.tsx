import type { Metadata } from "next";
import { ApiKeysSettings } from "@/components/settings/api-keys-settings";
import { requirePageVisitor } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageVisitor();
  return <ApiKeysSettings />;
}
