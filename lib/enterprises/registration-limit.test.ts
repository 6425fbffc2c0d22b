import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../i18n/translate';
import { registrationErrorText, registrationRetryAt, registrationsPerHour, retryTimeText, usccCheckText } from './registration-limit';
import { withUsccCheckChar } from './uscc';

describe('the per-address registration limit', () => {
  it('is 5 an hour unless REGISTRATIONS_PER_HOUR is a positive whole number', () => {
    expect(registrationsPerHour({})).toBe(5);
    expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: '50' })).toBe(50);
    for (const bad of ['lots', '0', '-3', '2.5', ' 7', '']) expect(registrationsPerHour({ REGISTRATIONS_PER_HOUR: bad })).toBe(5);
  });

  it('retries when the limit-th newest attempt leaves the hour', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));
    expect(registrationRetryAt([at(50), at(40), at(30), at(20)], 5)).toBeNull();
    expect(registrationRetryAt([at(50), at(40), at(30), at(20), at(10)], 5)).toEqual(new Date(Date.UTC(2026, 0, 1, 11, 10)));
    expect(registrationRetryAt([at(50), at(40), at(30)], 2)).toEqual(new Date(Date.UTC(2026, 0, 1, 11, 40)));
  });

  it('says when to retry in the zone’s time, in both languages', () => {
    const vars = { limit: '5', retryAt: '2026-01-01T06:05:00.000Z' };
    expect(retryTimeText(vars.retryAt, 'en')).toBe('14:05');
    expect(registrationErrorText(makeTranslate('zh'), 'zh', 'registration_limited', vars)).toBe(
      '注册过于频繁：同一网络地址每小时最多注册 5 次，请于 14:05 之后再试。',
    );
    expect(registrationErrorText(makeTranslate('en'), 'en', 'registration_limited', vars)).toBe(
      'Too many registrations from this network address (at most 5 an hour). Please try again after 14:05.',
    );
    expect(registrationErrorText(makeTranslate('zh'), 'zh', 'uscc_taken_other_org')).toBe('该统一社会信用代码已被其他机构或企业注册。');
  });
});

describe('the wrong check character’s sentence', () => {
  const t = makeTranslate('zh');
  const good = withUsccCheckChar('91440605MA4UREG01');
  const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  it('names the expected character, with or without the confirmation', () => {
    expect(usccCheckText(t, 'uscc_check', bad, true)).toContain(`校验位应为 ${good[17]}`);
    expect(usccCheckText(t, 'uscc_check', bad, true)).toContain('勾选下方确认');
    expect(usccCheckText(t, 'uscc_check', bad, false)).not.toContain('勾选');
  });
  it('is null for another problem, or a code that now passes', () => {
    expect(usccCheckText(t, 'uscc_length', bad, true)).toBeNull();
    expect(usccCheckText(t, undefined, bad, true)).toBeNull();
    expect(usccCheckText(t, 'uscc_check', good, true)).toBeNull();
  });
});
