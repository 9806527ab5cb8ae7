import { type OperationView, operationHref, type TagGroup } from "./openapi-view";
import { MethodBadge } from "./operation-section";

/** The reference's table of contents: every group and operation, each linking to its place on its group's page. */
export function ApiDocsNav({ groups, current }: { groups: TagGroup[]; current?: string }) {
  return (
    <nav
      aria-label="API sections"
      className="mb-8 lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto"
    >
      <h2 className="text-sm font-semibold text-slate-900">Sections</h2>
      <ul className="mt-2 space-y-3 text-sm">
        {groups.map((group) => (
          <li key={group.tag}>
            <a
              href={`/api-docs/${group.slug}`}
              aria-current={group.slug === current ? "page" : undefined}
              className="font-medium text-indigo-700 hover:underline aria-[current=page]:text-slate-900"
            >
              {group.tag}
            </a>
            <OperationLinks group={group} className="mt-1 space-y-1 text-xs" truncate />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A group's operations as links (method and summary) to their places on the group's page. */
export function OperationLinks({
  group,
  className,
  truncate = false,
}: {
  group: TagGroup;
  className: string;
  truncate?: boolean;
}) {
  return (
    <ul className={className}>
      {group.operations.map((view: OperationView) => (
        <li key={view.anchor}>
          <a
            href={operationHref(group, view)}
            className="flex items-center gap-2 text-slate-700 hover:text-slate-900"
          >
            <MethodBadge method={view.method} />
            <span className={truncate ? "truncate" : undefined}>{view.operation.summary}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
