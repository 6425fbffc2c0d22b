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

describe('whose voice the reasons speak in', () => {
  const reasons = scoreMatch(need, product(null), facts, '2026-06-15', 10).reasons;
  const all = (locale: 'zh' | 'en', voice: 'enterprise' | 'officer', ceilingSet = true) =>
    reasons.map((r) => reasonText(r.code, r.detail, makeTranslate(locale), ceilingSet, voice) ?? '').join(' | ');

  it('speaks to the enterprise about its own need', () => {
    expect(all('zh', 'enterprise')).toContain('您可接受的上限 4.50%');
    expect(all('en', 'enterprise')).toContain('your ceiling 4.50%');
  });

  it('speaks to an officer about the enterprise, never as “you”', () => {
    expect(all('zh', 'officer')).toContain('企业可接受的上限 4.50%');
    expect(all('zh', 'officer')).not.toContain('您');
    const en = all('en', 'officer');
    expect(en).toContain('the enterprise’s ceiling 4.50%');
    expect(en).toContain('the enterprise needs 500.00');
    expect(en).toContain('the enterprise’s score is 17.48');
    expect(en).not.toMatch(/\byou(r)?\b/i);
  });

  it('a need without a ceiling reads as measured against the reference line, for either reader', () => {
    expect(all('zh', 'officer', false)).toContain('未设上限，按');
    expect(all('zh', 'officer', false)).not.toContain('可接受的上限');
  });
});
