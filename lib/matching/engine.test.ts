import { describe, expect, it } from 'vitest';
import type { EnterpriseFacts } from './eligibility';
import { matchMachine } from '../machines/match';
import {
  HARD_RULES,
  MATCH_WEIGHTS,
  NEAR_MISS_MAX_FAILED,
  REASON_CODES,
  classifyCandidate,
  compareRanked,
  rankCandidates,
  scoreMatch,
  type MatchNeed,
  type MatchProduct,
} from './engine';
import { allowedActions, planTransition } from '../machines/define';

const AS_OF = '2026-06-15';
const WAN = 1_000_000n;

const need = (over: Partial<MatchNeed> = {}): MatchNeed => ({ amountFen: 500n * WAN, termMonths: 24, guaranteeMethods: ['credit'], maxRateBp: 450, ...over });

const product = (over: Partial<MatchProduct> = {}): MatchProduct => ({
  id: 'p-1',
  amountMinFen: 100n * WAN,
  amountMaxFen: 1000n * WAN,
  termMinMonths: 12,
  termMaxMonths: 36,
  guaranteeMethods: ['credit'],
  effectiveRateMinBp: 350,
  zoneExclusive: false,
  requiredCertifications: [],
  minInnovationScore: null,
  minYearsInOperation: null,
  eligibleParkIds: [],
  eligibleIndustries: [],
  maxEmployees: null,
  maxRevenueFen: null,
  ...over,
});

type Cert = EnterpriseFacts['certifications'][number];
const cert = (kind: Cert['kind'], over: Partial<Cert> = {}): Cert => ({
  kind,
  validFrom: '2025-01-01',
  validTo: '2027-12-31',
  verificationStatus: 'verified',
  ...over,
});

const facts = (over: Partial<EnterpriseFacts> = {}): EnterpriseFacts => ({
  parkId: 3,
  industry: 'C',
  foundedOn: '2020-06-15',
  employees: 120,
  revenueFen: 5000n * WAN,
  verificationStatus: 'verified',
  certifications: [cert('high_tech')],
  innovationScore: '72.50',
  ...over,
});

const failedCodes = (c: ReturnType<typeof classifyCandidate>) => (c.kind === 'fit' ? [] : c.failed.map((f) => f.code));
const points = (s: ReturnType<typeof scoreMatch>) => Object.fromEntries(s.reasons.map((r) => [r.code, r.points]));

describe('classifyCandidate: hard rules', () => {
  it('is a fit when every hard rule and eligibility rule holds', () => {
    expect(classifyCandidate(need(), product(), facts(), AS_OF)).toEqual({ kind: 'fit' });
  });

  it.each([
    ['amount below the minimum', need({ amountFen: 99n * WAN }), product(), 'amount'],
    ['amount above the maximum', need({ amountFen: 1001n * WAN }), product(), 'amount'],
    ['term too short', need({ termMonths: 6 }), product(), 'term'],
    ['term too long', need({ termMonths: 48 }), product(), 'term'],
    ['no guarantee method in common', need({ guaranteeMethods: ['mortgage', 'pledge'] }), product(), 'guarantee'],
    ['rate floor above the ceiling', need({ maxRateBp: 349 }), product(), 'rate'],
  ] as const)('%s excludes on its own', (_name, n, p, code) => {
    const c = classifyCandidate(n, p, facts(), AS_OF);
    expect(c.kind).toBe('near_miss');
    expect(failedCodes(c)).toEqual([code]);
  });

  it('holds at the boundaries: amount and term at min and max, floor equal to the ceiling', () => {
    for (const amountFen of [100n * WAN, 1000n * WAN]) expect(classifyCandidate(need({ amountFen }), product(), facts(), AS_OF).kind).toBe('fit');
    for (const termMonths of [12, 36]) expect(classifyCandidate(need({ termMonths }), product(), facts(), AS_OF).kind).toBe('fit');
    expect(classifyCandidate(need({ maxRateBp: 350 }), product(), facts(), AS_OF).kind).toBe('fit');
    expect(classifyCandidate(need({ amountFen: 100n * WAN - 1n }), product(), facts(), AS_OF).kind).toBe('near_miss');
    expect(classifyCandidate(need({ amountFen: 1000n * WAN + 1n }), product(), facts(), AS_OF).kind).toBe('near_miss');
  });

  it('a need without a rate ceiling accepts any floor', () => {
    expect(classifyCandidate(need({ maxRateBp: null }), product({ effectiveRateMinBp: 3600 }), facts(), AS_OF).kind).toBe('fit');
  });

  it('one guarantee method in common is enough', () => {
    expect(
      classifyCandidate(need({ guaranteeMethods: ['mortgage', 'credit'] }), product({ guaranteeMethods: ['credit', 'guarantee'] }), facts(), AS_OF).kind,
    ).toBe('fit');
  });

  it('says what each failed hard rule compared', () => {
    const c = classifyCandidate(need({ amountFen: 5n * WAN, maxRateBp: 300 }), product(), facts(), AS_OF);
    expect(c).toEqual({
      kind: 'near_miss',
      failed: [
        { code: 'amount', detail: { min: '100000000', max: '1000000000', actual: '5000000' } },
        { code: 'rate', detail: { floor: 350, ceiling: 300 } },
      ],
    });
  });
});

describe('classifyCandidate: eligibility', () => {
  it('a missing certification is a near miss naming the rule', () => {
    const c = classifyCandidate(need(), product({ requiredCertifications: ['tech_sme'] }), facts(), AS_OF);
    expect(c).toEqual({ kind: 'near_miss', failed: [{ code: 'certification', detail: { kind: 'tech_sme', reason: 'missing' } }] });
  });

  it.each([
    ['innovation_score', { minInnovationScore: '80.00' }],
    ['years_in_operation', { minYearsInOperation: 10 }],
    ['park', { eligibleParkIds: [1, 2] }],
    ['industry', { eligibleIndustries: ['I'] }],
    ['employees', { maxEmployees: 100 }],
    ['revenue', { maxRevenueFen: 1000n * WAN }],
  ] as [string, Partial<MatchProduct>][])('failing %s is named', (rule, rules) => {
    expect(failedCodes(classifyCandidate(need(), product(rules), facts(), AS_OF))).toEqual([rule]);
  });

  it('an expired certification does not count', () => {
    const c = classifyCandidate(
      need(),
      product({ requiredCertifications: ['high_tech'] }),
      facts({ certifications: [cert('high_tech', { validTo: '2026-06-14' })] }),
      AS_OF,
    );
    expect(c).toEqual({ kind: 'near_miss', failed: [{ code: 'certification', detail: { kind: 'high_tech', reason: 'expired' } }] });
  });

  it('lists hard rules before eligibility rules', () => {
    expect(failedCodes(classifyCandidate(need({ termMonths: 60 }), product({ eligibleIndustries: ['I'] }), facts(), AS_OF))).toEqual(['term', 'industry']);
  });
});

describe('scoreMatch', () => {
  it('documents weights that add up to 100, one per reason', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
    expect(REASON_CODES).toEqual(['rate_fit', 'amount_headroom', 'zone_exclusive', 'certifications', 'innovation_score_margin', 'response_time']);
    expect(HARD_RULES).toEqual(['amount', 'term', 'guarantee', 'rate']);
  });

  it('scores each component as documented', () => {
    const s = scoreMatch(need(), product(), facts(), AS_OF, 4);
    expect(points(s)).toEqual({
      rate_fit: 15, // 1.00 point under the 4.50 % ceiling: 30 × 100/200
      amount_headroom: 8, // 500 of 1000 万 left: 15 × 0.5 = 7.5 → 8
      zone_exclusive: 0,
      certifications: 5, // one valid certification
      innovation_score_margin: 9, // 12.50 above the reference 60: 15 × 12.5/20 = 9.375 → 9
      response_time: 15, // 4 h median
    });
    expect(s.score).toBe(52);
    expect(s.reasons.find((r) => r.code === 'rate_fit')?.detail).toEqual({ floor: 350, ceiling: 450, margin: 100 });
  });

  it('reaches 100 when everything is as good as it gets', () => {
    const s = scoreMatch(
      need({ amountFen: 1n * WAN, maxRateBp: 450 }),
      product({ amountMinFen: 1n * WAN, effectiveRateMinBp: 250, zoneExclusive: true }),
      facts({ certifications: [cert('high_tech'), cert('tech_sme'), cert('gazelle'), cert('little_giant')], innovationScore: '80.00' }),
      AS_OF,
      2,
    );
    expect(points(s)).toEqual({ rate_fit: 30, amount_headroom: 15, zone_exclusive: 10, certifications: 15, innovation_score_margin: 15, response_time: 15 });
    expect(s.score).toBe(100);
  });

  it('falls to 0 when nothing counts', () => {
    const s = scoreMatch(
      need({ amountFen: 1000n * WAN, maxRateBp: null }),
      product({ effectiveRateMinBp: 520 }),
      facts({ certifications: [], innovationScore: null }),
      AS_OF,
      96,
    );
    expect(s.score).toBe(0);
    expect(s.reasons.every((r) => r.points === 0)).toBe(true);
    expect(s.reasons.find((r) => r.code === 'innovation_score_margin')?.detail).toEqual({ actual: 'none', required: '60.00', threshold: 'none' });
  });

  it('measures a need without a ceiling against 5.00 %', () => {
    expect(points(scoreMatch(need({ maxRateBp: null }), product({ effectiveRateMinBp: 400 }), facts(), AS_OF, 4)).rate_fit).toBe(15);
    expect(points(scoreMatch(need({ maxRateBp: null }), product({ effectiveRateMinBp: 300 }), facts(), AS_OF, 4)).rate_fit).toBe(30);
  });

  it('measures the innovation margin against the product’s own minimum when it sets one', () => {
    expect(points(scoreMatch(need(), product({ minInnovationScore: '70.00' }), facts(), AS_OF, 4)).innovation_score_margin).toBe(2); // 2.5 → 1.875
    expect(points(scoreMatch(need(), product({ minInnovationScore: '50' }), facts(), AS_OF, 4)).innovation_score_margin).toBe(15);
    expect(points(scoreMatch(need(), product(), facts({ innovationScore: '55.00' }), AS_OF, 4)).innovation_score_margin).toBe(0);
  });

  it('counts only verified certifications valid today, each kind once, at most 15', () => {
    const certs = [
      cert('high_tech'),
      cert('high_tech', { validFrom: '2026-01-01' }),
      cert('tech_sme', { verificationStatus: 'unverified' }),
      cert('gazelle', { validTo: '2026-01-01' }),
      cert('seed_unicorn', { validFrom: '2026-07-01' }),
    ];
    const s = scoreMatch(need(), product(), facts({ certifications: certs }), AS_OF, 4);
    expect(s.reasons.find((r) => r.code === 'certifications')).toEqual({ code: 'certifications', points: 5, detail: { kinds: ['high_tech'], count: 1 } });
  });

  it('scales response time between 4 h and 72 h, with 7 points for no history', () => {
    const rt = (h: number | null) => points(scoreMatch(need(), product(), facts(), AS_OF, h)).response_time;
    expect([rt(0), rt(4), rt(38), rt(71), rt(72), rt(500), rt(null)]).toEqual([15, 15, 8, 0, 0, 0, 7]);
  });

  it('is an integer within 0–100 and equals the sum of its reasons', () => {
    for (let i = 0; i < 200; i++) {
      const s = scoreMatch(
        need({ amountFen: BigInt(1 + ((i * 37) % 1000)) * WAN, maxRateBp: i % 5 === 0 ? null : 200 + ((i * 13) % 400) }),
        product({ amountMinFen: 1n * WAN, effectiveRateMinBp: 150 + ((i * 29) % 500), zoneExclusive: i % 2 === 0 }),
        facts({ innovationScore: i % 7 === 0 ? null : `${(i * 11) % 100}.${i % 10}0` }),
        AS_OF,
        i % 3 === 0 ? null : (i * 7) % 100,
      );
      expect(Number.isInteger(s.score)).toBe(true);
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      expect(s.score).toBe(s.reasons.reduce((a, r) => a + r.points, 0));
      for (const r of s.reasons) expect(r.points).toBeLessThanOrEqual(MATCH_WEIGHTS[r.code]);
    }
  });

  it('keeps its reasons JSON-safe for the matches table', () => {
    const s = scoreMatch(need(), product(), facts(), AS_OF, 10.25);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('ranking', () => {
  it('orders by score desc, then effective rate asc, then id', () => {
    const rows = [
      { id: 'c', score: 70, effectiveRateMinBp: 400 },
      { id: 'b', score: 70, effectiveRateMinBp: 380 },
      { id: 'a', score: 70, effectiveRateMinBp: 400 },
      { id: 'd', score: 90, effectiveRateMinBp: 500 },
    ];
    expect([...rows].sort(compareRanked).map((r) => r.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('ranks the fits and keeps near misses one rule away, in the same order', () => {
    const mk = (id: string, over: Partial<MatchProduct>, hours: number | null = 4) => ({ ...product({ id, ...over }), medianResponseHours: hours });
    const candidates = [
      mk('slow', {}, 70),
      mk('cheap', { effectiveRateMinBp: 300 }),
      mk('exclusive', { zoneExclusive: true }),
      mk('tie-b', { effectiveRateMinBp: 330, zoneExclusive: false }, 4),
      mk('tie-a', { effectiveRateMinBp: 330, zoneExclusive: false }, 4),
      mk('term-miss', { termMinMonths: 36 }),
      mk('cert-miss', { requiredCertifications: ['gazelle'] }),
      mk('two-misses', { termMinMonths: 36, requiredCertifications: ['gazelle'] }),
    ];
    const r = rankCandidates(need(), candidates, facts(), AS_OF);
    const scores = r.fits.map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(r.fits.map((f) => f.product.id)).toEqual(['exclusive', 'cheap', 'tie-a', 'tie-b', 'slow']);
    expect(r.nearMisses.map((m) => [m.product.id, m.failed.map((f) => f.code)])).toEqual([
      ['cert-miss', ['certification']],
      ['term-miss', ['term']],
    ]);
    expect(NEAR_MISS_MAX_FAILED).toBe(1);
  });
});

describe('match machine', () => {
  it('walks suggested → contacted → applied | declined, each step by its role', () => {
    expect(planTransition(matchMachine, 'suggested', 'contact', 'institution')).toBe('contacted');
    expect(planTransition(matchMachine, 'contacted', 'apply', 'enterprise')).toBe('applied');
    expect(planTransition(matchMachine, 'contacted', 'decline', 'enterprise')).toBe('declined');
    expect(() => planTransition(matchMachine, 'contacted', 'decline', 'institution')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => planTransition(matchMachine, 'declined', 'contact', 'institution')).toThrow(expect.objectContaining({ code: 'conflict' }));
    for (const s of ['applied', 'declined'] as const)
      for (const role of ['enterprise', 'institution', 'admin'] as const) expect(allowedActions(matchMachine, s, role)).toEqual([]);
  });
});
