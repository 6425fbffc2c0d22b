import { describe, expect, it } from 'vitest';
import { formatRateBp, formatWan, formatWanExact, formatYuan, parseRatePercent, parseWan } from './money';

describe('money in 万元', () => {
  it('formats fen as 万元 with two decimals and thousands separators', () => {
    expect(formatWan(5_000_000_000n)).toBe('5,000.00'); // 5,000万元 = 50,000,000 元
    expect(formatWan(1_000_000n)).toBe('1.00');
    expect(formatWan(0n)).toBe('0.00');
    expect(formatWan(84_000_000_000n)).toBe('84,000.00'); // 8.4 亿
  });

  it('rounds half away from zero at the 0.01 万元 (100 元) step', () => {
    expect(formatWan(12_345_678_900n)).toBe('12,345.68');
    expect(formatWan(1_234_5000n)).toBe('12.35'); // 123,450 元 → 12.345万 → 12.35
    expect(formatWan(1_234_4999n)).toBe('12.34');
    expect(formatWan(-1_234_5000n)).toBe('-12.35');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(formatWan(3_000_000_000_000_000_01n * 1n)).toBe('300,000,000,000.00');
    expect(formatYuan(9_007_199_254_740_993n)).toBe('90,071,992,547,409.93');
  });

  it('parses 万元 input to fen exactly, refusing anything finer than a fen', () => {
    expect(parseWan('500')).toBe(500_000_000n);
    expect(parseWan('0.01')).toBe(10_000n);
    expect(parseWan('1,234.567891')).toBe(1_234_567_891n);
    expect(parseWan('0.0000001')).toBeNull();
    expect(parseWan('-5')).toBeNull();
    expect(parseWan('1e3')).toBeNull();
    expect(parseWan('')).toBeNull();
  });

  it('formats and parses rates in basis points', () => {
    expect(formatRateBp(345)).toBe('3.45%');
    expect(formatRateBp(5)).toBe('0.05%');
    expect(formatRateBp(3600)).toBe('36.00%');
    expect(parseRatePercent('3.45')).toBe(345);
    expect(parseRatePercent('3.5%')).toBe(350);
    expect(parseRatePercent('3.456')).toBeNull();
  });
});

describe('values back into input fields', () => {
  it('round-trips 万元 and percent exactly', async () => {
    const { fenToWanInput, bpToPercentInput } = await import('./money');
    expect(fenToWanInput(5_000_000_000n)).toBe('5000');
    expect(fenToWanInput(1_234_567_891n)).toBe('1234.567891');
    expect(fenToWanInput(10_000n)).toBe('0.01');
    expect(parseWan(fenToWanInput(987_654_321n))).toBe(987_654_321n);
    expect(bpToPercentInput(345)).toBe('3.45');
    expect(bpToPercentInput(5)).toBe('0.05');
    expect(parseRatePercent(bpToPercentInput(1234))).toBe(1234);
  });
});

describe('formatWanExact', () => {
  it('shows two decimals, or as many more as the amount has, to the fen', () => {
    expect(formatWanExact(114_426_000n)).toBe('114.426'); // 1,144,260 元: not 114.43, which the limit check would refuse
    expect(formatWanExact(120_500_000n)).toBe('120.50');
    expect(formatWanExact(5_000_000_000n)).toBe('5,000.00');
    expect(formatWanExact(1n)).toBe('0.000001');
    expect(formatWanExact(123_456_789n)).toBe('123.456789');
  });
});
