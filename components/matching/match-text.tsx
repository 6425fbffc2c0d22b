// How match reasons and failed rules read (both languages, via t). Server-renderable.
import { eligibilityMessageKey, type RuleCode } from '@/lib/matching/eligibility';
import type { Translate } from '@/lib/i18n/translate';
import { joinList } from '@/lib/i18n/punctuation';
import { MATCH_WEIGHTS, type FailedRule, type ReasonCode } from '@/lib/matching/engine';
import { formatHours } from '@/lib/core/dates';
import { formatRateBp, formatWan } from '@/lib/core/money';

type Detail = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const wan = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? formatWan(BigInt(v)) : str(v));
const rate = (v: unknown) => (typeof v === 'number' ? formatRateBp(v) : str(v));
const list = (v: unknown, prefix: string, t: Translate) =>
  Array.isArray(v)
    ? joinList(
        t,
        v.map((x) => t(`${prefix}.${String(x)}`)),
      )
    : '';

/**
 * Who reads the reasons: the enterprise about its own need ("your ceiling"), or an institution's
 * officer about an enterprise's need ("the enterprise's ceiling").
 */
export type ReasonVoice = 'enterprise' | 'officer';

/** The reasons whose sentence speaks to the enterprise, and their officer's wording. */
const OFFICER_WORDING: Partial<Record<string, string>> = {
  'matching.reasons.rate_fit': 'matching.reasonsOfficer.rate_fit',
  'matching.reasons.amount_headroom': 'matching.reasonsOfficer.amount_headroom',
  'matching.reasons.innovation_score_no_threshold': 'matching.reasonsOfficer.innovation_score_no_threshold',
};

/** One reason's sentence; seeded rows without detail show none. */
export function reasonText(code: string, detail: Detail | undefined, t: Translate, ceilingSet: boolean, voice: ReasonVoice = 'enterprise'): string | null {
  if (!detail) return null;
  const tv: Translate = voice === 'officer' ? (key, vars) => t(OFFICER_WORDING[key] ?? key, vars) : t;
  return sentence(code, detail, tv, ceilingSet);
}

function sentence(code: string, detail: Detail, t: Translate, ceilingSet: boolean): string | null {
  switch (code as ReasonCode) {
    case 'rate_fit':
      return t(ceilingSet ? 'matching.reasons.rate_fit' : 'matching.reasons.rate_fit_reference', { floor: rate(detail.floor), ceiling: rate(detail.ceiling) });
    case 'amount_headroom':
      return t('matching.reasons.amount_headroom', { actual: wan(detail.actual), max: wan(detail.max) });
    case 'zone_exclusive':
      return t(detail.exclusive === 'yes' ? 'matching.reasons.zone_exclusive' : 'matching.reasons.not_zone_exclusive');
    case 'certifications':
      return Array.isArray(detail.kinds) && detail.kinds.length
        ? t('matching.reasons.certifications', { kinds: list(detail.kinds, 'certifications', t) })
        : t('matching.reasons.no_certifications');
    case 'innovation_score_margin':
      if (detail.actual === 'none') return t('matching.reasons.no_innovation_score');
      // A product without a minimum is scored against the reference line: say so, not "threshold".
      return t(detail.threshold === 'none' ? 'matching.reasons.innovation_score_no_threshold' : 'matching.reasons.innovation_score_margin', {
        actual: str(detail.actual),
        required: str(detail.required),
      });
    case 'response_time':
      return detail.hours === 'none'
        ? t('matching.reasons.no_response_history')
        : t('matching.reasons.response_time', { hours: typeof detail.hours === 'number' ? formatHours(detail.hours) : str(detail.hours) });
    default:
      return null;
  }
}

/** A failed rule in words: a hard rule from matching.rules, an eligibility rule as on the product page. */
export function failedRuleText(f: FailedRule, t: Translate): string {
  const d = f.detail as Detail;
  switch (f.code) {
    case 'amount':
      return t('matching.rules.amount', { actual: wan(d.actual), min: wan(d.min), max: wan(d.max) });
    case 'term':
      return t('matching.rules.term', { actual: str(d.actual), min: str(d.min), max: str(d.max) });
    case 'guarantee':
      return t('matching.rules.guarantee', { offered: list(d.offered, 'guaranteeMethods', t) });
    case 'rate':
      return t('matching.rules.rate', { floor: rate(d.floor), ceiling: rate(d.ceiling) });
    default: {
      const vars: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(f.detail)) vars[k] = Array.isArray(v) ? joinList(t, v.map(String)) : v;
      if (typeof f.detail.kind === 'string') vars.kind = t(`certifications.${f.detail.kind}`);
      return t(eligibilityMessageKey({ rule: f.code as RuleCode, ok: false, detail: f.detail }), vars);
    }
  }
}

export interface ReasonLike {
  code: string;
  points: number;
  detail?: Detail;
}

/** The reasons behind a score: label, points of the most, and what was compared. */
export function MatchReasons({
  reasons,
  t,
  ceilingSet,
  voice = 'enterprise',
}: {
  reasons: ReasonLike[];
  t: Translate;
  ceilingSet: boolean;
  voice?: ReasonVoice;
}) {
  return (
    <ul className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2" data-testid="match-reasons">
      {reasons.map((r) => {
        const text = reasonText(r.code, r.detail, t, ceilingSet, voice);
        const most = MATCH_WEIGHTS[r.code as ReasonCode];
        return (
          <li key={r.code} className="flex items-baseline gap-2">
            <span className="shrink-0 font-medium text-slate-800">
              {t(`matching.labels.${r.code}`)} {most === undefined ? r.points : `${r.points}/${most}`}
            </span>
            {text && <span className="text-slate-600">{text}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** The score as a badge. */
export function ScoreBadge({ score, label }: { score: number; label: string }) {
  const tone = score >= 70 ? 'bg-green-100 text-green-900' : score >= 40 ? 'bg-brand-50 text-brand-800' : 'bg-slate-100 text-slate-800';
  return (
    <span className={`inline-flex items-baseline gap-1 rounded px-2 py-0.5 text-sm font-semibold ${tone}`} data-testid="match-score">
      <span className="font-normal">{label}</span>
      {score}
    </span>
  );
}
