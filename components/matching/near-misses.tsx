// The need page's near misses: grouped by the rule that failed, closest first, only the few that
// matter most (lib/matching/near-misses.ts decides which). Server-renderable.
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';
import type { FailedRule } from '@/lib/matching/engine';
import { groupNearMisses } from '@/lib/matching/near-misses';
import { failedRuleText } from './match-text';

export interface NearMissItem {
  product: { id: string; name: string; institutionName: string };
  failed: FailedRule[];
  score: number;
}

export function NearMisses({ nearMisses, t }: { nearMisses: readonly NearMissItem[]; t: Translate }) {
  if (nearMisses.length === 0) return null;
  const { groups, total, hidden } = groupNearMisses(nearMisses);
  return (
    <section aria-labelledby="near-misses" className="space-y-2">
      <h2 id="near-misses" className="text-lg font-semibold">
        {t('matching.forNeed.nearMissesTitle')}
      </h2>
      <p className="text-sm text-slate-700">{t('matching.forNeed.nearMissesLead', { total })}</p>
      {groups.map((g) => (
        <div key={g.rule} className="rounded-lg border border-slate-200 bg-white px-4 py-2" data-testid="near-miss-group" data-rule={g.rule}>
          <h3 className="text-sm font-semibold text-slate-800">{t(`matching.ruleGroups.${g.rule}`)}</h3>
          <ul className="divide-y divide-slate-200">
            {g.items.map((m) => (
              <li key={m.product.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm" data-testid="near-miss">
                <span>
                  <Link href={`/products/${m.product.id}`} className="font-medium text-brand-700 underline">
                    {m.product.name}
                  </Link>{' '}
                  <span className="text-slate-600">· {m.product.institutionName}</span>
                </span>
                <span className="text-red-800" data-testid="near-miss-rule">
                  {m.failed.map((f) => failedRuleText(f, t)).join(t('app.clauseSeparator'))}
                </span>
              </li>
            ))}
          </ul>
          {g.more > 0 && <p className="pb-1 text-xs text-slate-600">{t('matching.forNeed.nearMissesMore', { n: g.more })}</p>}
        </div>
      ))}
      {hidden > 0 && (
        <p className="text-xs text-slate-600" data-testid="near-miss-hidden">
          {t('matching.forNeed.nearMissesHidden', { shown: total - hidden, total })}
        </p>
      )}
    </section>
  );
}
