import { describe, expect, it } from 'vitest';
import { leverageUse } from './leverage';

const WAN = 1_000_000n;

describe('leverageUse', () => {
  it('is the loans in force over cap × balance, to a tenth of a percent', () => {
    // 1,000 万元 fund at 10×: 10,000 万元 of loans; 2,500 in force is 25.0 %.
    expect(leverageUse('10.00', 1000n * WAN, 2500n * WAN)).toEqual({ limitFen: 10_000n * WAN, percent: '25.0', over: false });
    expect(leverageUse('8.5', 100n * WAN, 850n * WAN)).toEqual({ limitFen: 850n * WAN, percent: '100.0', over: false });
    expect(leverageUse('8.50', 100n * WAN, 850n * WAN + 1n)).toMatchObject({ over: true });
    // 1 of 3 rounds to 33.3 %, 2 of 3 to 66.7 %.
    expect(leverageUse('1', 3n, 1n)?.percent).toBe('33.3');
    expect(leverageUse('1', 3n, 2n)?.percent).toBe('66.7');
  });

  it('has no limit without a cap, and an empty fund covers nothing', () => {
    expect(leverageUse(null, 1000n * WAN, 1n)).toBeNull();
    expect(leverageUse('10.00', 0n, 0n)).toEqual({ limitFen: 0n, percent: '—', over: false });
    expect(leverageUse('10.00', 0n, 1n)).toEqual({ limitFen: 0n, percent: '—', over: true });
  });
});
