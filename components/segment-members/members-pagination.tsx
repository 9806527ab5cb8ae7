import type { MemberPage } from "@/components/hooks/use-members";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { formatInteger } from "@/components/ui/format";

interface MembersPaginationProps {
  page: MemberPage;
  /** 0 for the first page: the pages are read by cursor, so the position is counted here. */
  pageIndex: number;
  onNext: () => void;
  onPrevious: () => void;
  onLimit: (limit: number) => void;
}

export function MembersPagination({ page, pageIndex, onNext, onPrevious, onLimit }: MembersPaginationProps) {
  const start = pageIndex * page.limit;
  const first = page.items.length === 0 ? 0 : start + 1;
  const last = start + page.items.length;
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
        <Button variant="secondary" disabled={pageIndex === 0} onClick={onPrevious}>
          Previous page
        </Button>
        <Button variant="secondary" disabled={!page.next_cursor} onClick={onNext}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
