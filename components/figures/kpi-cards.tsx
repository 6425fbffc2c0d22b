// The dashboard's summary: eight key figures, each naming its period and its change against the
// previous period of the same length (lib/figures/kpis.ts). Server-renderable.
import type { Kpi } from '@/lib/figures/kpis';
import type { Period } from '@/lib/figures/service';
import type { Translate } from '@/lib/i18n/translate';
import { count, displayCell, fen } from '../../lib/figures/tables';

const cellOf = (k: Kpi, v: bigint) => (k.unit === 'fen' ? fen(v) : count(Number(v)));

/** "+12.5%" / "−3.0%" from tenths of a percent. */
function percent(permille: number): string {
  const sign = permille > 0 ? '+' : permille < 0 ? '−' : '±';
  const a = Math.abs(permille);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}

export function periodText(t: Translate, kind: Kpi['kind'], p: Period): string {
  return kind === 'stock' ? t('figures.kpis.asAt', { to: p.to }) : t('figures.kpis.over', { from: p.from, to: p.to });
}

export function KpiCards({
  kpis,
  period,
  previous,
  t,
  hrefs,
}: {
  kpis: Kpi[];
  period: Period;
  previous: Period;
  t: Translate;
  hrefs: Partial<Record<Kpi['id'], string>>;
}) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {kpis.map((k) => {
        const delta = k.change === 0n ? '±0' : `${k.change > 0n ? '+' : '−'}${displayCell(cellOf(k, k.change < 0n ? -k.change : k.change))}`;
        const tone = k.change > 0n ? 'text-green-800' : k.change < 0n ? 'text-red-800' : 'text-slate-700';
        const href = hrefs[k.id];
        const value = displayCell(cellOf(k, k.value));
        return (
          <li key={k.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid={`kpi-${k.id}`}>
            <p className="text-sm font-medium text-slate-700">{t(`figures.kpis.labels.${k.id}`)}</p>
            <p className="text-xs text-slate-600" data-testid="kpi-period">
              {periodText(t, k.kind, period)}
            </p>
            <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="kpi-value">
              {href ? (
                <a href={href} className="underline decoration-dotted underline-offset-4 hover:text-brand-700">
                  {value}
                </a>
              ) : (
                value
              )}
            </p>
            <p className={`text-sm ${tone}`} data-testid="kpi-change">
              {t('figures.kpis.change', { delta, percent: k.changePermille === null ? t('figures.kpis.noBase') : percent(k.changePermille) })}
            </p>
            <p className="text-xs text-slate-600" data-testid="kpi-previous">
              {t('figures.kpis.previous', { period: periodText(t, k.kind, previous), value: displayCell(cellOf(k, k.previous)) })}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
