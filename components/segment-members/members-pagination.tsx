import type { MemberPage } from "@/components/hooks/use-members";
import { formatInteger } from "@/components/segment-page/format";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";

interface MembersPaginationProps {
  page: MemberPage;
  onPage: (offset: number) => void;
  onLimit: (limit: number) => void;
}

export function MembersPagination({ page, onPage, onLimit }: MembersPaginationProps) {
  const first = page.total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.items.length, page.total);
  return (
    <nav aria-label="Members pages" className="flex flex-wrap items-end justify-between gap-4">
      <p className="text-sm text-slate-600">
        Showing {formatInteger(first)}–{formatInteger(last)} of {formatInteger(page.total)}
      </p>
      <div className="flex items-end gap-2">
        <SelectField
          label="Rows per page"
          className="w-32"
          value={String(page.limit)}
          onChange={(event) => onLimit(Number(event.target.value))}
          options={["25", "50", "100"].map((value) => ({ value, label: value }))}
        />
        <Button
          variant="secondary"
          disabled={page.offset === 0}
          onClick={() => onPage(Math.max(0, page.offset - page.limit))}
        >
          Previous page
        </Button>
        <Button
          variant="secondary"
          disabled={page.offset + page.limit >= page.total}
          onClick={() => onPage(page.offset + page.limit)}
        >
          Next page
        </Button>
      </div>
    </nav>
  );
}
