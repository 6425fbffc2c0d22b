import { describe, expect, it } from 'vitest';
import { decodeAnswer, encodeAnswer } from './answer-codec';

describe('answer codec', () => {
  it('gives back bigints, dates, nulls and nested shapes as they went in', () => {
    const value = {
      disbursedFen: 12_345_678_901_234_567_890n,
      negative: -5n,
      approvalRate: 0.8125,
      median: null,
      at: new Date('2026-03-31T16:00:00.000Z'),
      rows: [{ key: '2026-01', steps: [{ stage: 'posted', count: 3, conversion: null }], fen: 0n }],
      label: '佛山高新区',
    };
    const back = decodeAnswer(encodeAnswer(value)) as typeof value;
    expect(back).toStrictEqual(value);
    expect(typeof back.disbursedFen).toBe('bigint');
    expect(back.at).toBeInstanceOf(Date);
  });

  it('keeps strings that look like amounts as strings, and plain arrays and numbers as they are', () => {
    const value = ['123', 123, [1n, '1'], { n: '9007199254740993' }];
    expect(decodeAnswer(encodeAnswer(value))).toStrictEqual(value);
  });
});
