import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n/translate';
import { scoreMatch, type MatchProduct } from '@/lib/matching/engine';
import { reasonText } from './match-text';

const WAN = 1_000_000n;
const product = (minInnovationScore: string | null): MatchProduct => ({
  id: 'p',
  amountMinFen: 100n * WAN,
  amountMaxFen: 1000n * WAN,
  termMinMonths: 12,
  termMaxMonths: 36,
  guaranteeMethods: ['credit'],
  effectiveRateMinBp: 350,
  zoneExclusive: false,
  requiredCertifications: [],
  minInnovationScore,
  minYearsInOperation: null,
  eligibleParkIds: [],
  eligibleIndustries: [],
  maxEmployees: null,
  maxRevenueFen: null,
});
const facts = {
  parkId: 1,
  industry: 'C',
  foundedOn: '2020-01-01',
  employees: 10,
  revenueFen: 0n,
  verificationStatus: 'verified' as const,
  certifications: [],
  innovationScore: '17.48',
};
const need = { amountFen: 500n * WAN, termMonths: 24, guaranteeMethods: ['credit'], maxRateBp: 450 };

const innovationText = (min: string | null, locale: 'zh' | 'en' = 'zh') => {
  const r = scoreMatch(need, product(min), facts, '2026-06-15', 10).reasons.find((x) => x.code === 'innovation_score_margin')!;
  return reasonText(r.code, r.detail, makeTranslate(locale), true);
};

describe('the innovation-score reason', () => {
  it('names no threshold for a product that sets none', () => {
    expect(innovationText(null)).toContain('本产品不设积分门槛');
    expect(innovationText(null)).not.toContain('门槛 60.00');
    expect(innovationText(null, 'en')).toContain('No minimum score');
  });

  it('names the product’s own minimum when it sets one', () => {
    expect(innovationText('15.00')).toBe('创新积分 17.48，产品门槛 15.00');
  });
});
