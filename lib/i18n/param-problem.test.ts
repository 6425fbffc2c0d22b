import { describe, expect, it } from 'vitest';
import { makeTranslate, paramProblem } from './translate';

describe('paramProblem', () => {
  it('names a URL parameter by its filter’s label, in the reader’s language; an unlisted one as it is', () => {
    const labels = { category: 'product.category' };
    expect(paramProblem(makeTranslate('zh'), labels, 'category', 'unknown_category')).toBe('产品类别：未知的产品类别代码。');
    expect(paramProblem(makeTranslate('en'), labels, 'category', 'unknown_category')).toBe('Category: Unknown product category code.');
    expect(paramProblem(makeTranslate('zh'), labels, 'pageSize', 'integer')).toMatch(/^pageSize：/);
  });
});
