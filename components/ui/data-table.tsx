import type { Key, ReactNode } from "react";

/**
 * The portal's one table: typed columns, a caption, `scope="col"` headers, an empty state and a
 * horizontal scroll wrapper. No client JS of its own, so server pages and client components can
 * both render it (cell renderers run wherever the caller runs).
 */

type Align = "left" | "right" | "center";
type DataAttributes = { [name: `data-${string}`]: string | undefined };
type RowAttributes = DataAttributes & { className?: string; title?: string };

export type Column<Row> = {
  /** Stable React key of the column (unique within the table). */
  id: string;
  header: ReactNode;
  /** What the cell shows; a number (or null) is formatted when the column is `numeric`. */
  cell: (row: Row, index: number) => ReactNode;
  /** Numbers: right-aligned, tabular figures, grouped with `Intl.NumberFormat` (options to taste). */
  numeric?: boolean | Intl.NumberFormatOptions;
  /** Defaults to right for numeric columns, left otherwise. */
  align?: Align;
  /** Extra classes for every body cell of the column, or per row. */
  className?: string | ((row: Row) => string | undefined);
  /** aria-sort of a sortable header (the header itself holds the sort link). */
  sort?: "ascending" | "descending" | "none";
  /** Render the body cells as row headers (`<th scope="row">`). */
  rowHeader?: boolean;
  /** Title attribute of the body cell (e.g. a range behind a short label). */
  title?: (row: Row) => string | undefined;
};

type DataTableProps<Row> = {
  /** The table's accessible name; visually hidden unless `showCaption`. */
  caption: ReactNode;
  showCaption?: boolean;
  /** Columns; `false`/`null` entries are left out, so a column can depend on a condition. */
  columns: readonly (Column<NoInfer<Row>> | false | null | undefined)[];
  rows: readonly Row[];
  /** Shown instead of the table when there are no rows: a sentence, or any element (e.g. `<EmptyState>`). */
  empty?: ReactNode;
  /** Defaults to the row's `id` when it has one, else its position. */
  rowKey?: (row: Row, index: number) => Key;
  /** Attributes of each `<tr>`: `data-testid`, a class, … */
  rowProps?: (row: Row, index: number) => RowAttributes;
  /** Extra attributes of the `<table>` (e.g. `data-testid`). */
  tableProps?: DataAttributes;
  className?: string;
};

const ALIGN: Record<Align, string> = { left: "", right: "text-right", center: "text-center" };
const CELL = "py-2 pr-4 last:pr-0";

/** `1234.5` → `1,234.5`; null and undefined → the dash the tables use for "no value". */
export function formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  return value === null || value === undefined ? "—" : value.toLocaleString("en-US", options);
}

function defaultKey(row: unknown, index: number): Key {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? id : index;
}

function content<Row>(column: Column<Row>, row: Row, index: number): ReactNode {
  const value = column.cell(row, index);
  if (!column.numeric || !(typeof value === "number" || value === null || value === undefined)) return value;
  return formatNumber(value, column.numeric === true ? undefined : column.numeric);
}

export function DataTable<Row>({
  caption,
  showCaption = false,
  columns,
  rows,
  empty = "Nothing to show.",
  rowKey = defaultKey,
  rowProps,
  tableProps,
  className = "",
}: DataTableProps<Row>) {
  if (rows.length === 0)
    return typeof empty === "string" ? (
      <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
    ) : (
      <>{empty}</>
    );
  const shown = columns.filter((c): c is Column<Row> => !!c);
  const align = (c: Column<Row>) => ALIGN[c.align ?? (c.numeric ? "right" : "left")];
  return (
    <div className={`overflow-x-auto ${className}`}>
      <table className="w-full text-left text-sm" {...tableProps}>
        <caption className={showCaption ? "mb-2 text-left text-sm font-semibold" : "sr-only"}>{caption}</caption>
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            {shown.map((c) => (
              <th key={c.id} scope="col" aria-sort={c.sort} className={`${CELL} ${align(c)}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
              {shown.map((c) => {
                const Cell = c.rowHeader ? "th" : "td";
                const extra = typeof c.className === "function" ? c.className(row) : c.className;
                return (
                  <Cell
                    key={c.id}
                    scope={c.rowHeader ? "row" : undefined}
                    title={c.title?.(row)}
                    className={`${CELL} ${align(c)} ${c.numeric ? "tabular-nums" : ""} ${extra ?? ""}`}
                  >
                    {content(c, row, i)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
