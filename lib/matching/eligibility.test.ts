import { describe, expect, it } from 'vitest';
import type { CertificationKind as DbCertificationKind } from '@/db/schema';
import {
  ELIGIBILITY_MESSAGE_KEYS,
  checkEligibility,
  eligibilityMessageKey,
  scoreToHundredths,
  yearsBetween,
  type CertificationKind,
  type EligibilityRules,
  type EnterpriseFacts,
  type RuleResult,
} from './eligibility';

// Compile-time guard: the pure module's certification kinds match the database enum.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatchDb: Same<CertificationKind, DbCertificationKind> = true;

const AS_OF = '2026-06-15';

const noRules: EligibilityRules = {
  requiredCertifications: [],
  minInnovationScore: null,
  minYearsInOperation: null,
  eligibleParkIds: [],
  eligibleIndustries: [],
  maxEmployees: null,
  maxRevenueFen: null,
};

type Cert = EnterpriseFacts['certifications'][number];

function cert(kind: CertificationKind, over: Partial<Cert> = {}): Cert {
  return { kind, validFrom: '2025-01-01', validTo: '2027-12-31', verificationStatus: 'verified', ...over };
}

function facts(over: Partial<EnterpriseFacts> = {}): EnterpriseFacts {
  return {
    parkId: 3,
    industry: 'C',
    foundedOn: '2020-06-15',
    employees: 120,
    revenueFen: 5_000_000_000n, // 5,000万元
    verificationStatus: 'verified',
    certifications: [cert('high_tech')],
    innovationScore: '72.50',
    ...over,
  };
}

function rules(over: Partial<EligibilityRules>): EligibilityRules {
  return { ...noRules, ...over };
}

function only(r: EligibilityRules, f: EnterpriseFacts, asOf = AS_OF): RuleResult {
  const { results } = checkEligibility(r, f, asOf);
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('checkEligibility', () => {
  it('with no rules set is eligible with no results', () => {
    expect(kindsMatchDb).toBe(true);
    expect(checkEligibility(noRules, facts(), AS_OF)).toEqual({ eligible: true, results: [] });
    // even for an enterprise with nothing going for it
    const bare = facts({ certifications: [], innovationScore: null, foundedOn: AS_OF, verificationStatus: 'unverified' });
    expect(checkEligibility(noRules, bare, AS_OF)).toEqual({ eligible: true, results: [] });
  });

  it('reports every failure together, in rule order, alongside the rules that hold', () => {
    const r = rules({
      requiredCertifications: ['high_tech', 'little_giant'],
      minInnovationScore: '80',
      minYearsInOperation: 3,
      eligibleParkIds: [1, 2],
      eligibleIndustries: ['C', 'I'],
      maxEmployees: 100,
      maxRevenueFen: 10_000_000_000n,
    });
    const { eligible, results } = checkEligibility(r, facts(), AS_OF);
    expect(eligible).toBe(false);
    expect(results).toEqual([
      { rule: 'certification', ok: true, detail: { kind: 'high_tech' } },
      { rule: 'certification', ok: false, detail: { kind: 'little_giant', reason: 'missing' } },
      { rule: 'innovation_score', ok: false, detail: { required: '80.00', actual: '72.50' } },
      { rule: 'years_in_operation', ok: true, detail: { required: 3, actual: 6 } },
      { rule: 'park', ok: false, detail: { allowed: ['1', '2'], actual: 3 } },
      { rule: 'industry', ok: true, detail: { allowed: ['C', 'I'], actual: 'C' } },
      { rule: 'employees', ok: false, detail: { max: 100, actual: 120 } },
      { rule: 'revenue', ok: true, detail: { max: '10000000000', actual: '5000000000' } },
    ]);
    expect(results.filter((x) => !x.ok).map((x) => x.rule)).toEqual(['certification', 'innovation_score', 'park', 'employees']);
  });

  it('is eligible when every rule set holds', () => {
    const r = rules({
      requiredCertifications: ['high_tech'],
      minInnovationScore: '60.00',
      minYearsInOperation: 2,
      eligibleParkIds: [3],
      eligibleIndustries: ['C'],
      maxEmployees: 300,
      maxRevenueFen: 40_000_000_000n,
    });
    const { eligible, results } = checkEligibility(r, facts(), AS_OF);
    expect(eligible).toBe(true);
    expect(results).toHaveLength(7);
    expect(results.every((x) => x.ok)).toBe(true);
  });

  it('treats 0 as a rule that is set (not as "no rule")', () => {
    const r = rules({ minYearsInOperation: 0, maxEmployees: 0, maxRevenueFen: 0n, minInnovationScore: '0' });
    const { eligible, results } = checkEligibility(r, facts({ employees: 0, revenueFen: 0n, innovationScore: '0.00' }), AS_OF);
    expect(eligible).toBe(true);
    expect(results.map((x) => x.rule)).toEqual(['innovation_score', 'years_in_operation', 'employees', 'revenue']);
  });

  it('does not mutate its inputs', () => {
    const r = rules({ eligibleIndustries: ['C'], eligibleParkIds: [3], requiredCertifications: ['high_tech'] });
    const f = facts();
    const rCopy = structuredClone(r);
    const fCopy = structuredClone(f);
    const { results } = checkEligibility(r, f, AS_OF);
    (results.find((x) => x.rule === 'industry')!.detail.allowed as string[]).push('Z');
    expect(r).toEqual(rCopy);
    expect(f).toEqual(fCopy);
  });

  it('rejects a malformed asOf date', () => {
    expect(() => checkEligibility(noRules, facts(), '2026-6-15')).toThrow(RangeError);
    expect(() => checkEligibility(noRules, facts(), '2026-02-30')).toThrow(RangeError);
  });
});

describe('certification rule', () => {
  const need = (...kinds: CertificationKind[]) => rules({ requiredCertifications: kinds });

  it('holds for a verified certificate valid on the day', () => {
    expect(only(need('high_tech'), facts())).toEqual({ rule: 'certification', ok: true, detail: { kind: 'high_tech' } });
  });

  it('counts validFrom and validTo as valid days', () => {
    const f = facts({ certifications: [cert('tech_sme', { validFrom: AS_OF, validTo: AS_OF })] });
    expect(only(need('tech_sme'), f).ok).toBe(true);
  });

  it('fails as missing when no certificate of that kind is held', () => {
    expect(only(need('gazelle'), facts())).toEqual({ rule: 'certification', ok: false, detail: { kind: 'gazelle', reason: 'missing' } });
    expect(only(need('gazelle'), facts({ certifications: [] })).detail).toEqual({ kind: 'gazelle', reason: 'missing' });
  });

  it('fails as expired the day after validTo', () => {
    const f = facts({ certifications: [cert('high_tech', { validFrom: '2023-06-15', validTo: '2026-06-14' })] });
    expect(only(need('high_tech'), f)).toEqual({ rule: 'certification', ok: false, detail: { kind: 'high_tech', reason: 'expired' } });
  });

  it('fails as not yet valid the day before validFrom', () => {
    const f = facts({ certifications: [cert('high_tech', { validFrom: '2026-06-16', validTo: '2029-06-15' })] });
    expect(only(need('high_tech'), f).detail).toEqual({ kind: 'high_tech', reason: 'not_yet_valid' });
  });

  it('fails as unverified when the certificate is unverified or rejected', () => {
    const unverified = facts({ certifications: [cert('specialized_sme', { verificationStatus: 'unverified' })] });
    expect(only(need('specialized_sme'), unverified).detail).toEqual({ kind: 'specialized_sme', reason: 'unverified' });
    const rejected = facts({ certifications: [cert('specialized_sme', { verificationStatus: 'rejected' })] });
    expect(only(need('specialized_sme'), rejected).detail).toEqual({ kind: 'specialized_sme', reason: 'unverified' });
  });

  it('reports an unverified certificate outside its validity by its dates (verification would not help)', () => {
    const f = facts({ certifications: [cert('high_tech', { validTo: '2025-12-31', verificationStatus: 'unverified' })] });
    expect(only(need('high_tech'), f).detail).toEqual({ kind: 'high_tech', reason: 'expired' });
  });

  it('holds when any one of several certificates of the kind counts (renewals)', () => {
    const f = facts({
      certifications: [
        cert('high_tech', { validFrom: '2020-01-01', validTo: '2022-12-31' }),
        cert('high_tech', { validFrom: '2023-01-01', validTo: '2025-12-31' }),
        cert('high_tech', { validFrom: '2026-01-01', validTo: '2028-12-31' }),
      ],
    });
    expect(only(need('high_tech'), f).ok).toBe(true);
  });

  it('of several failing certificates of one kind reports the one closest to counting', () => {
    const expired = cert('high_tech', { validFrom: '2022-01-01', validTo: '2025-12-31' });
    const future = cert('high_tech', { validFrom: '2026-07-01', validTo: '2029-06-30' });
    const pending = cert('high_tech', { validFrom: '2026-01-01', validTo: '2028-12-31', verificationStatus: 'unverified' });
    expect(only(need('high_tech'), facts({ certifications: [expired, future] })).detail.reason).toBe('not_yet_valid');
    expect(only(need('high_tech'), facts({ certifications: [future, expired] })).detail.reason).toBe('not_yet_valid');
    expect(only(need('high_tech'), facts({ certifications: [expired, pending, future] })).detail.reason).toBe('unverified');
  });

  it('ignores certificates of other kinds', () => {
    const f = facts({ certifications: [cert('little_giant'), cert('seed_unicorn')] });
    expect(only(need('potential_unicorn'), f).detail).toEqual({ kind: 'potential_unicorn', reason: 'missing' });
  });

  it('gives one result per required kind, in the product order, each with its own reason', () => {
    const f = facts({
      certifications: [
        cert('high_tech'),
        cert('tech_sme', { validTo: '2026-01-01' }),
        cert('little_giant', { verificationStatus: 'unverified' }),
        cert('gazelle', { validFrom: '2027-01-01', validTo: '2029-01-01' }),
      ],
    });
    const { eligible, results } = checkEligibility(need('tech_sme', 'high_tech', 'little_giant', 'gazelle', 'seed_unicorn'), f, AS_OF);
    expect(eligible).toBe(false);
    expect(results.map((x) => [x.detail.kind, x.ok ? 'ok' : x.detail.reason])).toEqual([
      ['tech_sme', 'expired'],
      ['high_tech', 'ok'],
      ['little_giant', 'unverified'],
      ['gazelle', 'not_yet_valid'],
      ['seed_unicorn', 'missing'],
    ]);
  });

  it('lists a kind required twice only once', () => {
    expect(checkEligibility(need('high_tech', 'high_tech'), facts(), AS_OF).results).toHaveLength(1);
  });
});

describe('innovation score rule', () => {
  const min = (s: string) => rules({ minInnovationScore: s });

  it('passes above the minimum and exactly at it, whatever the number of decimals', () => {
    expect(only(min('60.00'), facts({ innovationScore: '72.50' }))).toEqual({
      rule: 'innovation_score',
      ok: true,
      detail: { required: '60.00', actual: '72.50' },
    });
    expect(only(min('60.00'), facts({ innovationScore: '60.00' })).ok).toBe(true);
    expect(only(min('60'), facts({ innovationScore: '60.0' })).ok).toBe(true);
    expect(only(min('72.5'), facts({ innovationScore: '72.50' })).ok).toBe(true);
  });

  it('fails one hundredth below the minimum', () => {
    expect(only(min('60.00'), facts({ innovationScore: '59.99' }))).toEqual({
      rule: 'innovation_score',
      ok: false,
      detail: { required: '60.00', actual: '59.99' },
    });
    expect(only(min('72.51'), facts({ innovationScore: '72.5' })).ok).toBe(false);
  });

  it('compares exactly where floats would not', () => {
    // 0.1 + 0.2 > 0.3 in binary floating point; here the sums never happen, the strings are compared
    expect(only(min('0.30'), facts({ innovationScore: '0.3' })).ok).toBe(true);
    expect(only(min('9999.99'), facts({ innovationScore: '9999.99' })).ok).toBe(true);
    expect(only(min('9999.99'), facts({ innovationScore: '9999.98' })).ok).toBe(false);
    expect(only(min('100'), facts({ innovationScore: '99.99' })).ok).toBe(false);
    // lexicographic comparison would get these wrong
    expect(only(min('9.00'), facts({ innovationScore: '10.00' })).ok).toBe(true);
    expect(only(min('100.00'), facts({ innovationScore: '99.00' })).ok).toBe(false);
  });

  it('fails when the enterprise has no score', () => {
    expect(only(min('60.00'), facts({ innovationScore: null }))).toEqual({
      rule: 'innovation_score',
      ok: false,
      detail: { required: '60.00', actual: 'none' },
    });
    // even against a minimum of zero: no score is not a score of zero
    expect(only(min('0'), facts({ innovationScore: null })).ok).toBe(false);
  });

  it('rejects a malformed score on either side', () => {
    expect(() => checkEligibility(min('sixty'), facts(), AS_OF)).toThrow(RangeError);
    expect(() => checkEligibility(min('60'), facts({ innovationScore: '72,50' }), AS_OF)).toThrow(RangeError);
  });
});

describe('years in operation rule', () => {
  const min = (n: number) => rules({ minYearsInOperation: n });

  it('counts full years, the anniversary day completing a year', () => {
    expect(only(min(6), facts({ foundedOn: '2020-06-15' }), '2026-06-15')).toEqual({
      rule: 'years_in_operation',
      ok: true,
      detail: { required: 6, actual: 6 },
    });
    expect(only(min(6), facts({ foundedOn: '2020-06-15' }), '2026-06-14')).toEqual({
      rule: 'years_in_operation',
      ok: false,
      detail: { required: 6, actual: 5 },
    });
  });

  it('fails a young enterprise and one founded after the day', () => {
    expect(only(min(1), facts({ foundedOn: '2026-01-01' })).detail).toEqual({ required: 1, actual: 0 });
    expect(only(min(1), facts({ foundedOn: '2026-12-01' })).ok).toBe(false);
  });

  it('rejects a malformed founding date', () => {
    expect(() => checkEligibility(min(1), facts({ foundedOn: '15/06/2020' }), AS_OF)).toThrow(RangeError);
  });
});

describe('park rule', () => {
  it('passes in a listed park and fails outside', () => {
    const r = rules({ eligibleParkIds: [1, 3, 7] });
    expect(only(r, facts({ parkId: 3 }))).toEqual({ rule: 'park', ok: true, detail: { allowed: ['1', '3', '7'], actual: 3 } });
    expect(only(r, facts({ parkId: 2 }))).toEqual({ rule: 'park', ok: false, detail: { allowed: ['1', '3', '7'], actual: 2 } });
  });
});

describe('industry rule', () => {
  it('passes in a listed GB/T 4754 section and fails outside', () => {
    const r = rules({ eligibleIndustries: ['C', 'I', 'M'] });
    expect(only(r, facts({ industry: 'M' }))).toEqual({ rule: 'industry', ok: true, detail: { allowed: ['C', 'I', 'M'], actual: 'M' } });
    expect(only(r, facts({ industry: 'F' }))).toEqual({ rule: 'industry', ok: false, detail: { allowed: ['C', 'I', 'M'], actual: 'F' } });
  });
});

describe('employees rule', () => {
  const r = rules({ maxEmployees: 300 });
  it('passes below and exactly at the maximum, fails one over', () => {
    expect(only(r, facts({ employees: 120 })).ok).toBe(true);
    expect(only(r, facts({ employees: 300 }))).toEqual({ rule: 'employees', ok: true, detail: { max: 300, actual: 300 } });
    expect(only(r, facts({ employees: 301 }))).toEqual({ rule: 'employees', ok: false, detail: { max: 300, actual: 301 } });
  });
});

describe('revenue rule', () => {
  const max = 40_000_000_000n; // 4亿元
  const r = rules({ maxRevenueFen: max });
  it('passes exactly at the maximum, fails one fen over', () => {
    expect(only(r, facts({ revenueFen: max }))).toEqual({
      rule: 'revenue',
      ok: true,
      detail: { max: '40000000000', actual: '40000000000' },
    });
    expect(only(r, facts({ revenueFen: max + 1n }))).toEqual({
      rule: 'revenue',
      ok: false,
      detail: { max: '40000000000', actual: '40000000001' },
    });
  });

  it('stays exact beyond 2^53 fen', () => {
    const big = 9_007_199_254_740_993n;
    const rb = rules({ maxRevenueFen: big });
    expect(only(rb, facts({ revenueFen: big })).ok).toBe(true);
    expect(only(rb, facts({ revenueFen: big + 1n }))).toEqual({
      rule: 'revenue',
      ok: false,
      detail: { max: '9007199254740993', actual: '9007199254740994' },
    });
  });
});

describe('yearsBetween', () => {
  it('is anniversary-based', () => {
    expect(yearsBetween('2020-06-15', '2026-06-15')).toBe(6);
    expect(yearsBetween('2020-06-15', '2026-06-14')).toBe(5);
    expect(yearsBetween('2020-06-15', '2026-06-16')).toBe(6);
    expect(yearsBetween('2020-06-15', '2020-06-15')).toBe(0);
    expect(yearsBetween('2020-06-15', '2021-06-14')).toBe(0);
    expect(yearsBetween('2020-12-31', '2021-01-01')).toBe(0);
    expect(yearsBetween('2020-01-01', '2020-12-31')).toBe(0);
    expect(yearsBetween('2019-12-31', '2020-12-31')).toBe(1);
  });

  it('puts a 29 February anniversary on 28 February in non-leap years', () => {
    expect(yearsBetween('2020-02-29', '2021-02-27')).toBe(0);
    expect(yearsBetween('2020-02-29', '2021-02-28')).toBe(1);
    expect(yearsBetween('2020-02-29', '2021-03-01')).toBe(1);
    expect(yearsBetween('2020-02-29', '2024-02-28')).toBe(3); // leap year: the anniversary is the 29th
    expect(yearsBetween('2020-02-29', '2024-02-29')).toBe(4);
    expect(yearsBetween('2020-02-29', '2100-02-28')).toBe(80); // 2100 is not a leap year
    expect(yearsBetween('1996-02-29', '2000-02-28')).toBe(3); // 2000 is
  });

  it('treats 28 February founders normally in leap years', () => {
    expect(yearsBetween('2019-02-28', '2020-02-28')).toBe(1);
    expect(yearsBetween('2019-02-28', '2020-02-27')).toBe(0);
  });

  it('is negative (never -0) when `to` is before `from`', () => {
    expect(Object.is(yearsBetween('2026-06-15', '2026-01-01'), 0)).toBe(true);
    expect(yearsBetween('2026-06-15', '2025-06-15')).toBe(-1);
    expect(yearsBetween('2026-06-15', '2020-06-16')).toBe(-5);
  });

  it('rejects malformed or impossible dates', () => {
    for (const bad of [
      '',
      '2020-6-15',
      '2020/06/15',
      '20200615',
      '2020-06-15T00:00:00Z',
      ' 2020-06-15',
      '2020-13-01',
      '2020-00-10',
      '2020-06-00',
      '2020-06-31',
      '2021-02-29',
      '1900-02-29',
    ]) {
      expect(() => yearsBetween(bad, '2026-06-15'), bad).toThrow(RangeError);
      expect(() => yearsBetween('2020-06-15', bad), bad).toThrow(RangeError);
    }
    expect(yearsBetween('2000-02-29', '2026-06-15')).toBe(26); // 2000 was a leap year
  });
});

describe('scoreToHundredths', () => {
  it('parses decimals to exact hundredths', () => {
    expect(scoreToHundredths('72.5')).toBe(7250n);
    expect(scoreToHundredths('72.50')).toBe(7250n);
    expect(scoreToHundredths('72')).toBe(7200n);
    expect(scoreToHundredths('72.05')).toBe(7205n);
    expect(scoreToHundredths('0')).toBe(0n);
    expect(scoreToHundredths('0.01')).toBe(1n);
    expect(scoreToHundredths('0.1')).toBe(10n);
    expect(scoreToHundredths('060.00')).toBe(6000n);
    expect(scoreToHundredths('9999.99')).toBe(999_999n);
    expect(scoreToHundredths('72.500')).toBe(7250n); // trailing zeros beyond the hundredths are harmless
    expect(scoreToHundredths('-1.5')).toBe(-150n);
    expect(scoreToHundredths('123456789012345678.99')).toBe(12_345_678_901_234_567_899n);
  });

  it('rejects malformed input and anything finer than a hundredth', () => {
    for (const bad of [
      '',
      ' ',
      '72.5 ',
      ' 72.5',
      'abc',
      '72.',
      '.5',
      '+72',
      '7e1',
      '72,50',
      '1,000.00',
      '72.5.0',
      '--1',
      '0x10',
      'NaN',
      'Infinity',
      '72.505',
      '72.001',
      '٧٢',
    ]) {
      expect(() => scoreToHundredths(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });
});

describe('eligibilityMessageKey', () => {
  it('names the certification reason when failing and <rule>.fail otherwise', () => {
    const f = facts({ certifications: [cert('high_tech', { validTo: '2026-01-01' })], innovationScore: null, parkId: 9 });
    const r = rules({
      requiredCertifications: ['high_tech', 'gazelle'],
      minInnovationScore: '60',
      minYearsInOperation: 10,
      eligibleParkIds: [1],
      eligibleIndustries: ['I'],
      maxEmployees: 10,
      maxRevenueFen: 1n,
    });
    expect(checkEligibility(r, f, AS_OF).results.map(eligibilityMessageKey)).toEqual([
      'eligibility.certification.expired',
      'eligibility.certification.missing',
      'eligibility.innovation_score.none',
      'eligibility.years_in_operation.fail',
      'eligibility.park.fail',
      'eligibility.industry.fail',
      'eligibility.employees.fail',
      'eligibility.revenue.fail',
    ]);
    expect(eligibilityMessageKey({ rule: 'certification', ok: false, detail: { kind: 'tech_sme', reason: 'unverified' } })).toBe(
      'eligibility.certification.unverified',
    );
    expect(eligibilityMessageKey({ rule: 'certification', ok: false, detail: { kind: 'tech_sme', reason: 'not_yet_valid' } })).toBe(
      'eligibility.certification.not_yet_valid',
    );
  });

  it('gives <rule>.ok for results that hold', () => {
    const r = rules({
      requiredCertifications: ['high_tech'],
      minInnovationScore: '60',
      minYearsInOperation: 1,
      eligibleParkIds: [3],
      eligibleIndustries: ['C'],
      maxEmployees: 1000,
      maxRevenueFen: 10n ** 12n,
    });
    expect(checkEligibility(r, facts(), AS_OF).results.map(eligibilityMessageKey)).toEqual([
      'eligibility.certification.ok',
      'eligibility.innovation_score.ok',
      'eligibility.years_in_operation.ok',
      'eligibility.park.ok',
      'eligibility.industry.ok',
      'eligibility.employees.ok',
      'eligibility.revenue.ok',
    ]);
  });

  it('lists every key it can return, once', () => {
    expect(new Set(ELIGIBILITY_MESSAGE_KEYS).size).toBe(ELIGIBILITY_MESSAGE_KEYS.length);
    expect(ELIGIBILITY_MESSAGE_KEYS).toHaveLength(7 + 4 + 6 + 1);
    expect(ELIGIBILITY_MESSAGE_KEYS).toContain('eligibility.certification.missing');
    expect(ELIGIBILITY_MESSAGE_KEYS).toContain('eligibility.revenue.fail');
    expect(ELIGIBILITY_MESSAGE_KEYS).toContain('eligibility.innovation_score.none');
    expect(ELIGIBILITY_MESSAGE_KEYS).not.toContain('eligibility.certification.fail');
  });
});
