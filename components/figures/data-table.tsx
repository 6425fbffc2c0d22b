// A table of the figures (server-rendered): numbers right-aligned, each linking to the list it counts.
import Link from 'next/link';
import { TableBox } from '../ui/table-box';
import { displayCell, type TableSpec } from '../../lib/figures/tables';

export function DataTable<R>({ spec, caption, testId }: { spec: TableSpec<R>; caption: string; testId?: string }) {
  return (
    <TableBox label={caption}>
      <table className="min-w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {spec.columns.map((c, i) => (
              <th key={i} scope="col" className="min-w-20 px-3 py-2 align-bottom font-medium">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {spec.rows.map((r, i) => (
            <tr key={i} className="border-t border-slate-200">
              {spec.columns.map((c, j) => {
                const cell = c.cell(r);
                const shown = displayCell(cell);
                const href = c.href?.(r);
                const numeric = cell.kind !== 'text';
                const content =
                  href && cell.value !== null ? (
                    // biome-ignore lint/correctness/useJsxKeyInIterable: the key is on the <td> this fills
                    <Link href={href} className="text-brand-700 underline decoration-dotted underline-offset-2 hover:decoration-solid">
                      {shown}
                    </Link>
                  ) : (
                    shown
                  );
                // Numbers, times and short names stay on one line; long Chinese names may wrap.
                const wrap = cell.kind === 'text' && shown.length > 8 && /[^\x00-\x7f]/.test(shown);
                const cls = `px-3 py-2 ${numeric ? 'text-right tabular-nums' : ''} ${wrap ? 'min-w-48' : 'whitespace-nowrap'}`;
                return c.rowHeader ? (
                  <th key={j} scope="row" className={`${cls} text-left font-normal`}>
                    {content}
                  </th>
                ) : (
                  <td key={j} className={cls}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableBox>
  );
}
