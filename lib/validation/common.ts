// Field rules shared by many shapes. Messages are error keys (lib/i18n: errors.*), translated at
// the edge, so the same schema speaks Chinese or English.
//
// Every schema used by a server action or route builds its fields from here (issue 9): text never
// carries NUL or other control characters (Postgres refuses NUL, so it used to end in a 500), dates
// stay within a sane range, and money typed in 万元 has at most two decimals and a business upper
// bound. Digits typed in full width with a Chinese IME (５００．５) read as ASCII.
import { z } from 'zod';
import { zoneDay } from '../core/dates';
import { MAX_ANNUAL_RATE_BP } from '../core/domain';
import { FEN_PER_WAN, halfWidthNumber, parseRatePercent, parseWan } from '../core/money';

// A shape a field rule did not foresee (a null, a number for a string, an unknown discriminator —
// what only a crafted request sends) is told `errors.invalid` in the reader's language too, not
// zod's English default. A schema's own message still wins (zod: schema > parse > global config).
// jitless: zod would otherwise probe `new Function('')` on its first object parse, which every page's
// Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation.
z.config({ customError: () => 'invalid', jitless: true });

export const INDUSTRY_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;

// ---------------------------------------------------------------- text

/**
 * C0 and C1 controls and DEL, the Unicode line and paragraph separators, lone surrogates, and the
 * invisible format characters (Cf: zero-width spaces and joiners, bidirectional overrides, BOM): two
 * names that differ only by one of those look the same on screen but are not, and an override can
 * make a name read backwards.
 */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]|\p{Cs}|\p{Cf}/u;
/** The same, but a tab or a line feed is fine in a multi-line field (carriage returns become line feeds first). */
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]|\p{Cs}|\p{Cf}/u;

export function hasControlChars(v: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTILINE : CONTROL).test(v);
}

/** One line of text: trimmed, at most `max` characters, no control characters; '' allowed unless `required`. */
export const plainText = (max: number, o: { required?: boolean; message?: string } = {}) => {
  const s = z.string().trim();
  return (o.required ? s.min(1, 'required') : s).max(max, o.message ?? 'too_long').refine((v) => !hasControlChars(v), 'control_chars');
};

export const requiredText = (max = 200) => plainText(max, { required: true });

/** A text area: line breaks (CRLF or CR become LF) and tabs allowed, other control characters not. */
export const multilineText = (max: number, o: { required?: boolean; min?: number; minMessage?: string } = {}) => {
  const s = z
    .string()
    .overwrite((v) => v.replace(/\r\n?/g, '\n'))
    .trim();
  const min = o.min ?? (o.required ? 1 : 0);
  return (min > 0 ? s.min(min, o.minMessage ?? 'required') : s).max(max, 'too_long').refine((v) => !hasControlChars(v, true), 'control_chars');
};

export const emailField = z
  .string()
  .trim()
  .min(1, 'required')
  .max(254, 'too_long')
  .pipe(z.email('email'))
  .transform((v) => v.toLowerCase());

/** Passwords are hashed, never stored or shown, so any character is fine. */
export const newPasswordField = z.string().min(10, 'password_short').max(200, 'too_long');

export const phoneField = numberText('phone')
  .min(1, 'required')
  .regex(/^[0-9+\-() ]{7,20}$/, 'phone');

/**
 * Text that holds a number or a date: full-width digits read as ASCII, blanks around it dropped. A
 * control character anywhere in it (a form feed, a line separator, even where trimming would drop
 * it) is refused with `message`; a tab or line feed at the edges (pasted from a spreadsheet) is not.
 */
export function numberText(message: string) {
  return z
    .string()
    .refine((v) => !hasControlChars(v, true), message)
    .overwrite(halfWidthNumber)
    .trim();
}

// ---------------------------------------------------------------- money in 万元

/** Business upper bounds, in 万元: 100亿元, 1000亿元, 1万亿元. */
export const WAN_BOUNDS = {
  /** Needs, applications and approvals, product amounts, IP valuations, fund contributions, claims, repayments. */
  '100yi': 1_000_000,
  /** Registered capital, R&D expense and the other money indicators of the innovation score. */
  '1000yi': 10_000_000,
  /** Annual revenue. */
  '1wanyi': 100_000_000,
} as const;
export type WanBound = keyof typeof WAN_BOUNDS;

/** The largest amount under a bound, in fen. */
export const maxFen = (bound: WanBound): bigint => BigInt(WAN_BOUNDS[bound]) * FEN_PER_WAN;

/**
 * An amount typed in 万元, out as bigint fen. At most two decimals (0.01 万元 = 100 元), unless
 * `exactToFen` (six: repayments and losses are settled to the fen); never above `bound`.
 */
export function wanField(o: { bound: WanBound; positive?: boolean; exactToFen?: boolean }) {
  const decimals = o.exactToFen ? 6 : 2;
  return numberText(o.exactToFen ? 'amount' : 'amount_wan')
    .min(1, 'required')
    .refine((v) => parseWan(v, decimals) !== null, o.exactToFen ? 'amount' : 'amount_wan')
    .transform((v) => parseWan(v, decimals) as bigint)
    .refine((fen) => !o.positive || fen > 0n, 'amount_positive')
    .refine((fen) => fen <= maxFen(o.bound), `amount_max_${o.bound}`);
}

/**
 * `schema` for a non-blank value; blank ('' or spaces, a tab or line feed) comes out as null. Keeps the
 * field's own messages. A value that only looks blank because trimming drops its control characters
 * (a form feed, CR, a line separator) goes to `schema`, which refuses it as numberText does.
 */
export function optional<T>(schema: z.ZodType<T, string>) {
  return z.string().transform((v, ctx): T | null => {
    if (v.trim() === '' && !hasControlChars(v, true)) return null;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });
}

// ---------------------------------------------------------------- rates

/** An annual rate typed in percent ('3.45', '３．４５％'), out as basis points; at most MAX_ANNUAL_RATE_BP. */
export const rateField = numberText('rate_format')
  .min(1, 'required')
  .refine((v) => parseRatePercent(v) !== null, 'rate_format')
  .transform((v) => parseRatePercent(v) as number)
  .refine((bp) => bp <= MAX_ANNUAL_RATE_BP, 'rate_range');

/** The rate, or blank for none (null): the need's ceiling. */
export const optionalRateField = optional(rateField);

/**
 * A product category's code (the zone's data, /admin/categories): lower-case letters, digits and
 * underscores. Whether the code names a category is the service's question (`unknown_category`).
 */
export const categoryCode = (message = 'category') =>
  z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, message);

// ---------------------------------------------------------------- numbers

/** A whole number in [min, max], typed as text (full-width digits read as ASCII). */
export const intField = (min: number, max: number, message = 'integer') =>
  numberText(message)
    .min(1, 'required')
    .regex(/^\d{1,9}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

/** Employees: 0 to 1,000,000. */
export const nonNegativeIntField = intField(0, 1_000_000, 'employees');

/** A term in months: 1 to 360 (30 years). */
export const monthsField = intField(1, 360, 'months');

// ---------------------------------------------------------------- dates

/** Operational dates (periods, repayments, registrations, certificates, wanted-by). */
export const DATE_MIN = '2000-01-01';
/** Historic dates (a founding date, a patent's grant) may be older. */
export const HISTORIC_DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** 'YYYY-MM-DD', a real calendar day within [min, DATE_MAX]; with `pastOnly`, today (in the zone) at the latest. */
export function dateField(o: { historic?: boolean; pastOnly?: boolean; message?: string } = {}) {
  const min = o.historic ? HISTORIC_DATE_MIN : DATE_MIN;
  const message = o.message ?? 'date';
  const range = o.historic ? 'date_range_historic' : 'date_range';
  return numberText(message)
    .min(1, 'required')
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(isCalendarDay, message)
    .refine((v) => v >= min, range)
    .refine((v) => (o.pastOnly ? v <= zoneDay() : v <= DATE_MAX), o.pastOnly ? 'date_future' : range);
}

export const isoDateField = dateField();
export const historicDateField = dateField({ historic: true });

// ---------------------------------------------------------------- lists

/** Distinct values of an enum (a form's checkboxes): never more than the enum has. */
export const enumSet = <const T extends readonly [string, ...string[]]>(values: T, message = 'invalid') =>
  z
    .array(z.enum(values, message))
    .max(values.length * 2, message)
    .transform((v) => [...new Set(v)]);

/** Park ids chosen on a form: distinct whole numbers, at most MAX_PARK_IDS; the use case checks they exist. */
export const MAX_PARK_IDS = 50;
export const parkIdsField = z
  .array(
    z
      .string()
      .regex(/^\d{1,9}$/, 'park_ids')
      .transform(Number),
  )
  .max(MAX_PARK_IDS, 'too_many_parks')
  .transform((ids) => [...new Set(ids)]);
