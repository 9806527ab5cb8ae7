import { type ReactNode, useId } from "react";

export interface ChartColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

interface ChartFigureProps<Row> {
  title: string;
  /** One or two sentences a reader would take away from the chart. */
  summary?: ReactNode;
  /** The chart's numbers as a table only screen readers see, so no figure is visual-only. */
  rows: Row[];
  columns: Array<ChartColumn<Row>>;
  rowKey: (row: Row) => string;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled chart with a text summary and its data as a visually hidden table. */
export function ChartFigure<Row>({
  title,
  summary,
  rows,
  columns,
  rowKey,
  actions,
  children,
}: ChartFigureProps<Row>) {
  const titleId = useId();
  return (
    <figure aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-2 flex items-start justify-between gap-4">
        <figcaption id={titleId} className="font-semibold text-slate-900">
          {title}
        </figcaption>
        {actions}
      </div>
      {summary ? <p className="mb-3 text-sm text-slate-600">{summary}</p> : null}
      {/* The chart is drawn for the eye; the table below carries the same numbers for everyone else. */}
      <div aria-hidden>{children}</div>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
