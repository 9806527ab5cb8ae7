import type { Metadata } from "next";
import { buildOpenApiDocument } from "@/lib/openapi/document";
import { groupByTag, type OpenApiDocument } from "./openapi-view";
import { MethodBadge, OperationSection } from "./operation-section";

export const metadata: Metadata = { title: "API reference" };

export default function ApiDocsPage() {
  // The same document /api/v1/openapi.json serves, built from the schemas that validate requests.
  const doc = buildOpenApiDocument() as unknown as OpenApiDocument;
  const groups = groupByTag(doc);
  return (
    <div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
      <nav
        aria-label="API sections"
        className="mb-8 lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
      >
        <h2 className="text-sm font-semibold text-slate-900">On this page</h2>
        <ul className="mt-2 space-y-3 text-sm">
          {groups.map((group) => (
            <li key={group.tag}>
              <a href={`#${group.anchor}`} className="font-medium text-indigo-700 hover:underline">
                {group.tag}
              </a>
              <ul className="mt-1 space-y-1">
                {group.operations.map((view) => (
                  <li key={view.anchor}>
                    <a
                      href={`#${view.anchor}`}
                      className="flex items-center gap-2 text-xs text-slate-700 hover:text-slate-900"
                    >
                      <MethodBadge method={view.method} />
                      <span className="truncate">{view.operation.summary}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      <div>
        <header className="mb-8">
          <h1 className="text-2xl font-semibold text-slate-900">API reference</h1>
          <p className="mt-2 max-w-3xl text-sm text-slate-700">
            Every endpoint under <code className="font-mono">/api/v1</code> speaks JSON with snake_case
            fields. Lists answer <code className="font-mono">{"{items, total, limit, offset}"}</code>; errors
            are RFC 9457 <code className="font-mono">application/problem+json</code> with a{" "}
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
        <div className="space-y-12">
          {groups.map((group) => (
            <section key={group.tag} aria-labelledby={group.anchor}>
              <h2
                id={group.anchor}
                className="mb-4 border-b border-slate-200 pb-2 text-xl font-semibold text-slate-900"
              >
                {group.tag}
              </h2>
              <div className="space-y-6">
                {group.operations.map((view) => (
                  <OperationSection key={view.anchor} view={view} doc={doc} />
                ))}
              </div>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
