import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { ApiDocsNav } from "../api-docs-nav";
import { groupByTag, type OpenApiDocument } from "../openapi-view";
import { OperationSection } from "../operation-section";

type Props = { params: Promise<{ group: string }> };

// Building the document converts every schema (about 30 ms): once per request, for the metadata and the page.
const load = cache((slug: string) => {
  const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
  const groups = groupByTag(doc);
  return { doc, groups, group: groups.find((candidate) => candidate.slug === slug) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = load((await params).group);
  return { title: group ? `${group.tag} · API reference` : "API reference" };
}

/** One group of the API reference: its operations with their parameters, body fields, answers and a curl example. */
export default async function ApiDocsGroupPage({ params }: Props) {
  const { doc, groups, group } = load((await params).group);
  if (!group) notFound();
  return (
    <div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
      <ApiDocsNav groups={groups} current={group.slug} />
      <div>
        <header className="mb-8">
          <p className="text-sm">
            <a href="/api-docs" className="text-indigo-700 hover:underline">
              API reference
            </a>
          </p>
          <h1 id={group.anchor} className="text-2xl font-semibold text-slate-900">
            {group.tag}
          </h1>
        </header>
        <div className="space-y-6">
          {group.operations.map((view) => (
            <OperationSection key={view.anchor} view={view} doc={doc} />
          ))}
        </div>
      </div>
    </div>
  );
}
