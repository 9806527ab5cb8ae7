import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { OperationLinks } from "./api-docs-nav";
import { groupByTag, type OpenApiDocument } from "./openapi-view";

export const metadata: Metadata = { title: "API reference" };

/**
 * The reference's front page: how the API speaks, and every operation by group. Each group has a page of
 * its own (app/api-docs/[group]): all 80 operations with their fields and examples on one page were 1 MB of
 * HTML, slow to parse and hydrate on a phone.
 */
export default function ApiDocsPage() {
  // The same document /api/v1/openapi.json serves, built from the schemas that validate requests.
  const groups = groupByTag(buildOpenApiDocument() as unknown as OpenApiDocument);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">API reference</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Every endpoint under <code className="font-mono">/api/v1</code> speaks JSON with snake_case fields.
          Lists answer <code className="font-mono">{"{items, total, limit, offset}"}</code>; errors are RFC
          9457 <code className="font-mono">application/problem+json</code> with a{" "}
          <code className="font-mono">code</code> and, for invalid input, the offending{" "}
          <code className="font-mono">errors[].field</code>.
        </p>
        <p className="mt-2 text-sm">
          <a
            href="/api/v1/openapi.json"
            className="font-medium text-indigo-700 underline hover:text-indigo-900"
          >
            Download the OpenAPI 3.1 document (openapi.json)
          </a>
        </p>
      </header>
      <div className="grid gap-6 md:grid-cols-2 xl:grid-cols-3">
        {groups.map((group) => (
          <section
            key={group.tag}
            aria-labelledby={group.anchor}
            className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id={group.anchor} className="text-lg font-semibold">
              <a href={`/api-docs/${group.slug}`} className="text-indigo-700 hover:underline">
                {group.tag}
              </a>
            </h2>
            <OperationLinks group={group} className="mt-3 space-y-1.5 text-sm" />
          </section>
        ))}
      </div>
    </div>
  );
}
