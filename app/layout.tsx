import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/auth/account-menu";
import { HeaderPreview } from "@/components/preview/header-preview";
import { Link } from "@/components/ui/link";
import { pageMe } from "@/lib/auth/page-guard";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Audience Segments", template: "%s · Audience Segments" },
  description: "Group your audience, target personalized content, run A/B tests and see what works.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const me = await pageMe();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers me={me}>
          <header className="border-b border-slate-200 bg-white">
            <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
              <Link href="/segments" className="font-semibold text-indigo-700">
                Audience Segments
              </Link>
              <Link href="/segments" className="text-sm text-slate-700 hover:text-slate-900">
                Segments
              </Link>
              <Link href="/segments/overlap" className="text-sm text-slate-700 hover:text-slate-900">
                Overlap
              </Link>
              <Link href="/activity" className="text-sm text-slate-700 hover:text-slate-900">
                Activity
              </Link>
              <Link href="/webhooks" className="text-sm text-slate-700 hover:text-slate-900">
                Webhooks
              </Link>
              <Link href="/segments/discover" className="text-sm text-slate-700 hover:text-slate-900">
                Discover
              </Link>
              <Link href="/insights" className="text-sm text-slate-700 hover:text-slate-900">
                Insights
              </Link>
              <Link href="/api-docs" className="text-sm text-slate-700 hover:text-slate-900">
                API reference
              </Link>
              <HeaderPreview />
              <AccountMenu />
            </nav>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-6 py-8">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
