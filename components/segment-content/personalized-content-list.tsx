import type { PersonalizedContent } from "@/components/hooks/use-personalized-content";
import { Badge } from "@/components/ui/badge";
import { formatInteger, formatPercent } from "@/components/ui/format";

export function PersonalizedContentList({ items }: { items: PersonalizedContent[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Personalized content of this segment</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Content
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Role
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Views
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Engagement
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Conversions
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Engagement rate
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                <span className="block font-medium text-slate-900">
                  {item.content?.title ?? item.content_id}
                </span>
                {item.content ? (
                  <span className="text-xs text-slate-500">{item.content.content_type}</span>
                ) : null}
              </th>
              <td className="px-3 py-2">
                <span className="flex flex-wrap gap-1">
                  {item.is_control ? <Badge tone="amber">Control</Badge> : null}
                  {item.variant_id && !item.is_control ? <Badge tone="indigo">Variant</Badge> : null}
                  {item.variant_id ? <span className="text-slate-600">{item.variant_id}</span> : null}
                </span>
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(item.view_count)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(item.engagement_count)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatInteger(item.conversion_count)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatPercent(item.engagement_rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
