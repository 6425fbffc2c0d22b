import { describe, expect, it } from 'vitest';
import { halfWidthNumber, parseRatePercent, parseWan } from '../core/money';
import {
  dateField,
  hasControlChars,
  intField,
  multilineText,
  optional,
  optionalRateField,
  parkIdsField,
  phoneField,
  plainText,
  rateField,
  wanField,
} from './common';

const msg = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0].message);

describe('text fields', () => {
  it('refuse NUL and other control characters; a multi-line field keeps line feeds and tabs', () => {
    const line = plainText(50);
    expect(msg(line.safeParse('\u0000abc'))).toBe('control_chars');
    expect(msg(line.safeParse('a\u0007b'))).toBe('control_chars');
    expect(msg(line.safeParse('a\nb'))).toBe('control_chars');
    expect(msg(line.safeParse('a\u0085b'))).toBe('control_chars'); // C1 NEXT LINE
    expect(msg(line.safeParse('a\u2028b'))).toBe('control_chars');
    expect(msg(line.safeParse('a\uD800b'))).toBe('control_chars'); // a lone surrogate
    expect(line.parse('  佛山 😀 Ltd.  ')).toBe('佛山 😀 Ltd.'); // a surrogate pair is a character
    // Invisible format characters: a name with a zero-width space looks like one without; an override reads backwards.
    expect(msg(line.safeParse('设备采购合同\u200B'))).toBe('control_chars');
    expect(msg(line.safeParse('a\u202Efdp.exe'))).toBe('control_chars');
    expect(msg(line.safeParse('合\uFEFF同'))).toBe('control_chars');
    expect(line.parse('\uFEFF合同')).toBe('合同'); // a leading BOM is trimmed like a space
    expect(line.parse('设备采购合同\u3000')).toBe('设备采购合同'); // a full-width space is a space, trimmed
    const area = multilineText(50);
    expect(area.parse('第一行\r\n第二行\r第三行\t完')).toBe('第一行\n第二行\n第三行\t完');
    expect(msg(area.safeParse('a\u0000b'))).toBe('control_chars');
    expect(msg(area.safeParse('a\u000Bb'))).toBe('control_chars');
    expect(msg(area.safeParse('第一行\u200D第二行'))).toBe('control_chars');
  });

  it('keep SQL and HTML as the text it is', () => {
    expect(plainText(100).parse("Robert'); DROP TABLE products;--")).toBe("Robert'); DROP TABLE products;--");
    expect(plainText(100).parse('<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('know which characters are control characters', () => {
    expect(hasControlChars('\t', true)).toBe(false);
    expect(hasControlChars('\t')).toBe(true);
    expect(hasControlChars('普通文本')).toBe(false);
  });
});

describe('money in 万元', () => {
  const need = wanField({ bound: '100yi', positive: true });

  it('reads full-width digits as ASCII', () => {
    expect(halfWidthNumber('５００．５０')).toBe('500.50');
    expect(need.parse('５００．５')).toBe(500_500_000n);
    expect(parseWan('１，２３４')).toBe(1_234_000_000n);
    expect(parseRatePercent('３．４５％')).toBe(345);
  });

  it('has at most two decimals, unless exact to the fen', () => {
    expect(need.parse('12.34')).toBe(12_340_000n);
    expect(msg(need.safeParse('12.345'))).toBe('amount_wan');
    expect(wanField({ bound: '100yi', exactToFen: true }).parse('0.000001')).toBe(1n);
    expect(parseWan('12.345', 2)).toBeNull();
  });

  it('refuses negative, NaN, exponents and amounts above the bound', () => {
    for (const bad of ['-5', 'NaN', 'Infinity', '1e3', '0x10', '', ' ', '5 5', '5..5']) expect(need.safeParse(bad).success).toBe(false);
    expect(msg(need.safeParse('0'))).toBe('amount_positive');
    expect(need.parse('1000000')).toBe(1_000_000_000_000n); // exactly 100亿元
    expect(msg(need.safeParse('1000000.01'))).toBe('amount_max_100yi');
    expect(msg(need.safeParse('999999999999'))).toBe('amount_max_100yi');
    expect(msg(wanField({ bound: '1wanyi' }).safeParse('100000000.01'))).toBe('amount_max_1wanyi');
  });

  it('an optional amount is null when blank and keeps its messages otherwise', () => {
    const o = optional(wanField({ bound: '100yi', positive: true }));
    expect(o.parse('')).toBeNull();
    expect(o.parse('  ')).toBeNull();
    expect(o.parse('8')).toBe(8_000_000n);
    expect(msg(o.safeParse('0'))).toBe('amount_positive');
    expect(msg(o.safeParse('2000000'))).toBe('amount_max_100yi');
  });

  it('an optional field is not blank when only trimming a control character makes it so', () => {
    const amount = optional(wanField({ bound: '100yi', positive: true }));
    const day = optional(dateField());
    expect(amount.parse('\t\n ')).toBeNull();
    expect(day.parse(' \n')).toBeNull();
    for (const c of ['\f', '\v', '\r', '\u2028', '\u0085']) {
      expect(msg(amount.safeParse(c)), JSON.stringify(c)).toBe('amount_wan');
      expect(msg(day.safeParse(` ${c} `)), JSON.stringify(c)).toBe('date');
    }
  });
});

describe('numbers and dates', () => {
  it('refuse a control character even where trimming would drop it; blanks, tabs and line feeds at the edges are fine', () => {
    const amount = wanField({ bound: '100yi', positive: true });
    const fields = [
      [amount, 'amount_wan'],
      [wanField({ bound: '100yi', exactToFen: true }), 'amount'],
      [intField(0, 100), 'integer'],
      [dateField(), 'date'],
    ] as const;
    for (const [field, message] of fields) {
      for (const c of ['\f', '\v', '\r', '\u0000', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029']) {
        for (const v of [`${c}1`, `1${c}`, `${c}2026-01-01`]) expect(msg(field.safeParse(v)), JSON.stringify(v)).toBe(message);
      }
    }
    for (const c of ['\f', '\u2028']) expect(msg(phoneField.safeParse(`${c}13800138000`))).toBe('phone');
    expect(phoneField.parse(' 13800138000\t')).toBe('13800138000');
    expect(amount.parse(' 12\t')).toBe(12_000_000n);
    expect(amount.parse('\n12\n')).toBe(12_000_000n);
    expect(intField(0, 100).parse('\t7 ')).toBe(7);
    expect(dateField().parse(' 2026-01-01\n')).toBe('2026-01-01');
  });

  it('whole numbers stay in their range', () => {
    const n = intField(0, 1_000_000);
    expect(n.parse('５６')).toBe(56);
    expect(msg(n.safeParse('1000001'))).toBe('integer');
    expect(msg(n.safeParse('-1'))).toBe('integer');
    expect(msg(n.safeParse('1.5'))).toBe('integer');
  });

  it('dates are real days between 2000 and 2100 (1900 for historic ones)', () => {
    const d = dateField();
    expect(d.parse('2026-01-31')).toBe('2026-01-31');
    expect(msg(d.safeParse('0000-01-01'))).toBe('date_range');
    expect(msg(d.safeParse('1999-12-31'))).toBe('date_range');
    expect(msg(d.safeParse('2101-01-01'))).toBe('date_range');
    expect(msg(d.safeParse('2026-02-30'))).toBe('date');
    expect(msg(d.safeParse('+02026-01-01'))).toBe('date');
    expect(dateField({ historic: true }).parse('1985-04-01')).toBe('1985-04-01');
    expect(msg(dateField({ historic: true }).safeParse('1899-12-31'))).toBe('date_range_historic');
  });
});

describe('rates in percent', () => {
  const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []));

  it('a required rate comes out in basis points, within 36 %', () => {
    expect(rateField.parse('3.45')).toBe(345);
    expect(rateField.parse(' ３．４５％ ')).toBe(345);
    expect(rateField.parse('36')).toBe(3600);
    expect(messages(rateField.safeParse('36.01'))).toEqual(['rate_range']);
    expect(messages(rateField.safeParse(''))).toContain('required');
    expect(messages(rateField.safeParse('3.4.5'))).toContain('rate_format');
  });

  it('an optional rate is null when blank and checked like the required one otherwise', () => {
    expect(optionalRateField.parse('')).toBeNull();
    expect(optionalRateField.parse('  ')).toBeNull();
    expect(optionalRateField.parse('4.2')).toBe(420);
    expect(messages(optionalRateField.safeParse('40'))).toEqual(['rate_range']);
  });

  it('both refuse a control character, even one trimming would drop or leave blank', () => {
    for (const bad of ['\f3.5', '3.5\v', '\u20283.5', '\r']) {
      expect(rateField.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
      expect(optionalRateField.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('park ids', () => {
  it('are distinct whole numbers, not too many', () => {
    expect(parkIdsField.parse(['1', '2', '2'])).toEqual([1, 2]);
    expect(msg(parkIdsField.safeParse(['99999999999999999999']))).toBe('park_ids');
    expect(msg(parkIdsField.safeParse(Array.from({ length: 51 }, (_, i) => String(i + 1))))).toBe('too_many_parks');
  });
});

describe('messages a crafted request gets', () => {
  it("is an error key, not zod's English, for shapes no rule foresaw", async () => {
    const { applicationDecisionSchema } = await import('./application');
    const wrongTypes = applicationDecisionSchema.safeParse({ applicationId: null, action: 'reject', reason: null });
    expect(wrongTypes.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['applicationId', 'not_found'],
      ['reason', 'invalid'],
    ]);
    expect(applicationDecisionSchema.safeParse(null).error?.issues[0].message).toBe('invalid');
    expect(applicationDecisionSchema.safeParse({ applicationId: 'x', action: 5 }).error?.issues[0].message).toBe('invalid');
  });
});
