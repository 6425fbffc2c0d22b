// Property-based tests of the money, rate and date parsers (issue 9): they never throw, what they
// accept is exact (whole fen, whole basis points, real days in range), and full-width digits read
// as their ASCII twins.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import { bpToPercentInput, fenToWanInput, formatRateBp, formatWan, halfWidthNumber, parseRatePercent, parseWan } from './money';
import { DATE_MAX, DATE_MIN, dateField, HISTORIC_DATE_MIN, isCalendarDay } from '../validation/common';

const toFullWidth = (s: string) => s.replace(/[0-9.\-%,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('NaN', '-0', '1e309', '0x1F', '٣', '５００．５', '1,000.5', '1,00', '\u0000', '12.345', '-12'),
);
const MAX_WAN_FEN = (10n ** 12n - 1n) * 1_000_000n + 999_999n;

describe('parseWan', () => {
  it('never throws; a result is whole fen between 0 and the largest 12-digit amount', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 6 }), (s, decimals) => {
        const fen = parseWan(s, decimals);
        if (fen !== null) {
          expect(typeof fen).toBe('bigint');
          expect(fen >= 0n && fen <= MAX_WAN_FEN).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives back exactly the fen an input field shows', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MAX_WAN_FEN }), (fen) => {
        expect(parseWan(fenToWanInput(fen))).toBe(fen);
      }),
    );
  });

  it('refuses more decimals than allowed, and anything negative', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), fc.integer({ min: 1, max: 999 }), (w, f) => {
        const three = `${w}.${String(f).padStart(3, '0')}`;
        expect(parseWan(three, 2)).toBeNull();
        expect(parseWan(three)).toBe(BigInt(w) * 1_000_000n + BigInt(f) * 1000n);
        expect(parseWan(`-${w}.5`)).toBeNull();
      }),
    );
  });

  it('reads full-width digits, point and comma as ASCII', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10 ** 9 }), fc.nat({ max: 99 }), fc.boolean(), (w, f, grouped) => {
        const whole = grouped ? w.toLocaleString('en-US') : String(w);
        const typed = `${whole}.${String(f).padStart(2, '0')}`;
        expect(halfWidthNumber(toFullWidth(typed))).toBe(typed);
        expect(parseWan(toFullWidth(typed), 2)).toBe(parseWan(typed, 2));
        expect(parseWan(typed, 2)).toBe(BigInt(w) * 1_000_000n + BigInt(f) * 10_000n);
      }),
    );
  });

  it('formatting never throws, for any amount', () => {
    fc.assert(
      fc.property(fc.bigInt(), (fen) => {
        expect(formatWan(fen)).toMatch(/^-?[\d,]+\.\d{2}$/);
      }),
    );
  });
});

describe('parseRatePercent', () => {
  it('never throws; a result is whole basis points from 0 to 99,999', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const bp = parseRatePercent(s);
        if (bp !== null) expect(Number.isSafeInteger(bp) && bp >= 0 && bp <= 99_999).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips, in ASCII or full width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (bp) => {
        expect(parseRatePercent(bpToPercentInput(bp))).toBe(bp);
        expect(parseRatePercent(toFullWidth(bpToPercentInput(bp)) + '％')).toBe(bp);
        expect(formatRateBp(bp)).toBe(`${bpToPercentInput(bp)}%`);
      }),
    );
  });

  it('refuses three decimals and negatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 999 }), (w, f) => {
        expect(parseRatePercent(`${w}.${String(f).padStart(3, '0')}`)).toBeNull();
        expect(parseRatePercent(`-${w}`)).toBeNull();
      }),
    );
  });
});

describe('dates', () => {
  const days = (min: string, max: string) =>
    fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('never throw; an accepted day is a real calendar day in range', () => {
    for (const historic of [false, true]) {
      const field = dateField({ historic });
      fc.assert(
        fc.property(fc.oneof(anyText, fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/), days('0001-01-01', '9999-12-31')), (s) => {
          const r = field.safeParse(s);
          if (r.success) {
            expect(isCalendarDay(r.data)).toBe(true);
            expect(r.data >= (historic ? HISTORIC_DATE_MIN : DATE_MIN) && r.data <= DATE_MAX).toBe(true);
          }
        }),
        { numRuns: 500 },
      );
    }
  });

  it('accept every day in range, in ASCII or full width, and nothing outside it', () => {
    const field = dateField();
    fc.assert(
      fc.property(days(DATE_MIN, DATE_MAX), (d) => {
        expect(field.parse(toFullWidth(d))).toBe(d);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(days('0001-01-01', '1999-12-31'), days('2101-01-01', '9999-12-31')), (d) => {
        expect(field.safeParse(d).success).toBe(false);
      }),
    );
  });

  it('adding months stays a real day', () => {
    fc.assert(
      fc.property(days(DATE_MIN, DATE_MAX), fc.integer({ min: 0, max: 360 }), (d, m) => {
        expect(isCalendarDay(addMonths(d, m))).toBe(true);
      }),
    );
  });
});
