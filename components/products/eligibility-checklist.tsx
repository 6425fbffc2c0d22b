import { eligibilityMessageKey, type RuleResult } from '@/lib/matching/eligibility';
import type { Translate } from '@/lib/i18n/translate';
import { joinList } from '@/lib/i18n/punctuation';

function vars(r: RuleResult, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.detail)) out[k] = Array.isArray(v) ? joinList(t, v.map(String)) : v;
  if (typeof r.detail.kind === 'string') out.kind = t(`certifications.${r.detail.kind}`);
  return out;
}

export function EligibilityChecklist({ results, eligible, t }: { results: RuleResult[]; eligible: boolean; t: Translate }) {
  return (
    <div className="space-y-2" data-testid="eligibility">
      <p className={eligible ? 'font-medium text-green-800' : 'font-medium text-amber-900'}>{eligible ? t('product.eligibleYes') : t('product.eligibleNo')}</p>
      <ul className="space-y-1 text-sm">
        {results.map((r, i) => (
          <li key={i} className="flex items-start gap-2">
            <span aria-hidden className={r.ok ? 'text-green-700' : 'text-red-700'}>
              {r.ok ? '✓' : '✗'}
            </span>
            <span className={r.ok ? 'text-slate-800' : 'text-red-800'}>{t(eligibilityMessageKey(r), vars(r, t))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
