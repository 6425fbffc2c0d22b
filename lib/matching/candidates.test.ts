import { describe, expect, it } from 'vitest';
import { pickCandidates } from './candidates';

const WAN = 1_000_000n;
const p = (id: string, over: Partial<Parameters<typeof pickCandidates>[0][number]> = {}) => ({
  id,
  amountMinFen: 100n * WAN,
  amountMaxFen: 1000n * WAN,
  termMinMonths: 12,
  termMaxMonths: 36,
  guaranteeMethods: ['credit' as const],
  effectiveRateMinBp: 400,
  ...over,
});
const need = { amountFen: 500n * WAN, termMonths: 24, guaranteeMethods: ['credit'], maxRateBp: 450 };

describe('pickCandidates', () => {
  it('keeps products failing at most one hard rule, fits first, then by rate floor, then by id', () => {
    const all = [
      p('c-fit-380', { effectiveRateMinBp: 380 }),
      p('b-fit-400'),
      p('a-fit-400'),
      p('d-term-miss', { termMaxMonths: 18, effectiveRateMinBp: 300 }),
      p('e-two-misses', { termMaxMonths: 18, amountMinFen: 600n * WAN }),
      p('f-rate-miss', { effectiveRateMinBp: 460 }),
      p('g-guarantee-miss', { guaranteeMethods: ['mortgage' as const] }),
    ];
    const picked = pickCandidates(all, need);
    expect(picked.map((x) => x.id)).toEqual(['c-fit-380', 'a-fit-400', 'b-fit-400', 'd-term-miss', 'g-guarantee-miss', 'f-rate-miss']);
    expect(picked.find((x) => x.id === 'd-term-miss')).toMatchObject({ amountOk: true, termOk: false, guaranteeOk: true, rateOk: true });
    expect(picked.find((x) => x.id === 'f-rate-miss')).toMatchObject({ rateOk: false });
    expect(pickCandidates(all, need, 2).map((x) => x.id)).toEqual(['c-fit-380', 'a-fit-400']);
  });

  it('treats the amount and term bounds as inclusive, no rate cap as any rate, and no guarantee as a miss', () => {
    const edge = p('edge', { amountMinFen: 500n * WAN, amountMaxFen: 500n * WAN, termMinMonths: 24, termMaxMonths: 24, effectiveRateMinBp: 900 });
    expect(pickCandidates([edge], { ...need, maxRateBp: null })[0]).toMatchObject({ amountOk: true, termOk: true, rateOk: true, guaranteeOk: true });
    expect(pickCandidates([edge], { ...need, maxRateBp: null, guaranteeMethods: [] })[0]).toMatchObject({ guaranteeOk: false });
    expect(pickCandidates([edge], { ...need, guaranteeMethods: [] })).toEqual([]);
  });
});
