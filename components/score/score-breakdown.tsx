import type { Contribution, ContributionPoints, InnovationScore, PointsOnlyScore, WhatIfStep } from '@/lib/innovation/score';
import { INDICATOR_UNITS } from '@/lib/innovation/weights';
import type { Translate } from '@/lib/i18n/translate';
import { bpToPercentInput, formatWan } from '@/lib/core/money';
import { TableBox } from '../ui/table-box';

function valueText(c: { key: Contribution['key'] }, v: number, t: Translate): string {
  const unit = INDICATOR_UNITS[c.key];
  if (unit === 'fen') return `${formatWan(BigInt(v))} ${t('score.units.fen')}`;
  if (unit === 'bp') return `${v < 0 ? '-' : ''}${bpToPercentInput(Math.abs(v))}%`;
  return String(v);
}

const pts = (h: number) => (h / 100).toFixed(2);

const hasValue = (c: Contribution | ContributionPoints): c is Contribution => 'value' in c;

/** The breakdown; a points-only score (an institution without consent) has no value column. */
export function ScoreBreakdown({ score, t }: { score: InnovationScore | PointsOnlyScore; t: Translate }) {
  const withValues = score.contributions.every(hasValue);
  return (
    <TableBox label={t('score.breakdown')}>
      {/* Wide enough that a phone scrolls the box rather than wrapping each indicator's name a character a line. */}
      <table className="w-full min-w-[32rem] text-sm" data-testid="score-breakdown">
        <caption className="px-3 py-2 text-left font-semibold">
          {t('score.breakdown')}
          {!withValues && (
            <span className="ml-2 text-sm font-normal text-slate-600" data-testid="score-values-hidden">
              {t('score.valuesHidden')}
            </span>
          )}
        </caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              {t('score.indicator')}
            </th>
            {withValues && (
              <th scope="col" className="px-3 py-2 text-right">
                {t('score.value')}
              </th>
            )}
            <th scope="col" className="px-3 py-2 text-right">
              {t('score.cap')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('score.weight')}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t('score.points')}
            </th>
          </tr>
        </thead>
        {(['tech_innovation', 'growth_operations', 'auxiliary'] as const).map((g) => (
          <tbody key={g}>
            <tr className="border-t border-slate-300 bg-slate-50">
              <th scope="rowgroup" colSpan={withValues ? 4 : 3} className="px-3 py-1.5 text-left font-semibold">
                {t(`score.groups.${g}`)}
              </th>
              <td className="px-3 py-1.5 text-right font-semibold">{pts(score.groups[g])}</td>
            </tr>
            {score.contributions
              .filter((c) => c.group === g)
              .map((c) => (
                <tr key={c.key} className="border-t border-slate-200">
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {t(`score.indicators.${c.key}`)}
                  </th>
                  {withValues && hasValue(c) && <td className="px-3 py-1.5 text-right">{valueText(c, c.value, t)}</td>}
                  <td className="px-3 py-1.5 text-right">{valueText(c, c.cap, t)}</td>
                  <td className="px-3 py-1.5 text-right">{c.weight}</td>
                  <td className="px-3 py-1.5 text-right">{pts(c.points)}</td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </TableBox>
  );
}

export function WhatIfList({ steps, t }: { steps: WhatIfStep[]; t: Translate }) {
  if (steps.length === 0) return <p className="text-sm text-slate-700">{t('score.whatIfNone')}</p>;
  return (
    <ul className="list-inside list-disc space-y-1 text-sm" data-testid="what-if">
      {steps.slice(0, 6).map((s) => (
        <li key={s.key}>
          {t('score.whatIfLine', {
            indicator: t(`score.indicators.${s.key}`),
            step:
              s.stepUnit === 'count'
                ? String(s.step)
                : s.stepUnit === 'fen'
                  ? `${formatWan(BigInt(s.step))} ${t('score.units.fen')}`
                  : `${bpToPercentInput(s.step)}%`,
            gain: pts(s.gainHundredths),
          })}
        </li>
      ))}
    </ul>
  );
}
