import { describe, expect, it } from 'vitest';
import { joinList } from './punctuation';
import { makeTranslate } from './translate';

describe('punctuation by language', () => {
  const zh = makeTranslate('zh');
  const en = makeTranslate('en');

  it('joins lists with 、 in Chinese and a comma in English', () => {
    expect(joinList(zh, ['抵押', '保证'])).toBe('抵押、保证');
    expect(joinList(en, ['Mortgage', 'Guarantee', 'Pledge'])).toBe('Mortgage, Guarantee, Pledge');
    expect(joinList(en, ['Mortgage'])).toBe('Mortgage');
    expect(joinList(en, [])).toBe('');
  });

  it('gives a label its colon, clauses their separator and an aside its brackets', () => {
    expect(`状态${zh('app.colon')}`).toBe('状态：');
    expect(`Status${en('app.colon')}`).toBe('Status: ');
    expect(['a', 'b'].join(zh('app.clauseSeparator'))).toBe('a；b');
    expect(['a', 'b'].join(en('app.clauseSeparator'))).toBe('a; b');
    expect(zh('app.aside', { text: '成长期' })).toBe('（成长期）');
    expect(en('app.aside', { text: 'growth' })).toBe(' (growth)');
  });
});
