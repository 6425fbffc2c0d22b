import { describe, expect, it } from 'vitest';
import { en } from './en';
import { errorText, keysOf, makeTranslate } from './translate';
import { zh } from './zh';

describe('translations', () => {
  it('has the same keys in Chinese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it('defaults to Chinese text and fills variables', () => {
    expect(makeTranslate('zh')('login.rateLimited', { time: '10:15' })).toBe('登录失败次数过多，请于 10:15 之后再试。');
    expect(makeTranslate('en')('login.rateLimited', { time: '10:15' })).toBe('Too many failed sign-ins. Please try again after 10:15.');
  });

  it('maps unknown error keys to the generic invalid-input sentence', () => {
    const t = makeTranslate('zh');
    expect(errorText(t, 'uscc_check')).toContain('校验位不正确');
    expect(errorText(t, 'no_such_key')).toBe(zh.errors.invalid);
    expect(errorText(t, 'product.save')).toBe(zh.product.save);
    expect(errorText(t, 'product.no_such_key')).toBe(zh.errors.invalid);
  });
});
