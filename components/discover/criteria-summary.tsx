import type { CriteriaNode } from "@/lib/criteria/ast";
import { parseCriteria } from "@/lib/criteria/parse-criteria";

function NodeView({ node }: { node: CriteriaNode }) {
  if (node.kind === "condition") return <span>{node.label}</span>;
  if (node.kind === "not")
    return (
      <span>
        Not: <NodeView node={node.child} />
      </span>
    );
  if (node.children.length === 1) return <NodeView node={node.children[0]} />;
  return (
    <div>
      <span className="font-medium">{node.mode === "all" ? "All of:" : "Any of:"}</span>
      <ul className="ml-5 list-disc space-y-0.5">
        {node.children.map((child) => (
          <li key={child.path}>
            <NodeView node={child} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Criteria in words, through the API's own parser (the same labels explain uses). */
export function CriteriaSummary({ criteria }: { criteria: Record<string, unknown> }) {
  const parsed = parseCriteria(criteria);
  if (!parsed.ok) return <pre className="text-xs">{JSON.stringify(criteria, null, 2)}</pre>;
  return (
    <div className="text-sm text-slate-700">
      <NodeView node={parsed.node} />
    </div>
  );
}
