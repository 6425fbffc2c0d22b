// SQL building blocks of the scale generator. Every value comes from a row number through a seeded
// hash (hashint8extended: the same answer on PostgreSQL 15 and on PGlite), so a tier always makes
// the same rows; set-based INSERT … SELECT over generate_series does the work inside the server.
//
// Time is counted in working minutes (WM) since Monday 2024-11-25 09:00 Asia/Shanghai: 540 a day
// (09:00–18:00), five days a week, so every generated instant falls in office hours. The demo's
// "now" (Friday 2026-11-20 10:00) is working day 519, minute 60.
import { USCC_CHARS } from '../../enterprises/uscc';

export const DAY = 540;
export const NOW_DAY = 519;
export const NOW_WM = NOW_DAY * DAY + 60;
export const EPOCH_DATE = '2024-11-25';
export const TODAY = '2026-11-20';
const EPOCH_S = Date.parse(`${EPOCH_DATE}T09:00:00+08:00`) / 1000;

/** Working-day index of a calendar date (weekends count as the Friday before). */
export function workdayOf(date: string): number {
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${EPOCH_DATE}T00:00:00Z`)) / 86_400_000);
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 4);
}

/** A string literal. */
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A text[] literal. */
export const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(q).join(',')}]::text[]`;
/** An int[] literal. */
export const intArray = (xs: readonly number[]) => `ARRAY[${xs.map((x) => String(Math.trunc(x))).join(',')}]::int[]`;
/** The element of a text[] literal at 0-based index expression `i`. */
export const pickText = (xs: readonly string[], i: string) => `(${textArray(xs)})[(${i}) + 1]`;
/** Uniform in [0, 1) from row number `k` and a salt. */
export const u = (k: string, salt: number) => `pg_temp.u(${k}, ${salt})`;
/** A uniform integer in [0, n). */
export const ui = (k: string, salt: number, n: number | string) => `floor(${u(k, salt)} * (${n}))::int`;
/** Deterministic uuid (RFC 9562 layout, version 4 bits) of kind and number. */
export const uid = (kind: number, k: string) => `pg_temp.uid(${kind}, ${k})`;
export const ts = (wm: string) => `pg_temp.ts(${wm})`;
export const dt = (wm: string) => `pg_temp.dt(${wm})`;
/** A calendar date's wall-clock time in the zone (minutes after midnight). */
export const zoned = (date: string, minutes: number) => `pg_temp.zoned(${date}, ${minutes})`;
/** Base-31 digits (the USCC alphabet) of a non-negative bigint column, `len` characters. */
export function base31(x: string, len: number): string {
  const parts: string[] = [];
  for (let i = len - 1; i >= 0; i--) parts.push(`substr(${q(USCC_CHARS)}, ((${x} / ${31 ** i}::bigint) % 31)::int + 1, 1)`);
  return parts.join(' || ');
}
/** Log-normal amount in 万元 (median, sigma), clamped to [lo, hi], rounded as people write amounts. */
export function lognormalWan(k: string, salt: number, median: number, sigma: number, lo: number | string, hi: number | string): string {
  const z = `sqrt(-2 * ln(greatest(${u(k, salt)}, 1e-12))) * cos(2 * pi() * ${u(k, salt + 1)})`;
  return `pg_temp.nice_wan(least(greatest(exp(ln(${median}) + ${sigma} * ${z}), ${lo}), ${hi}))`;
}

/** Entity kinds of generated ids (the uuid seed). */
export const K = {
  institution: 11,
  instUser: 12,
  product: 13,
  enterprise: 14,
  entOwner: 15,
  entOfficer: 16,
  ip: 17,
  need: 18,
  application: 19,
  loan: 20,
  pledge: 21,
  enrolment: 22,
  claim: 23,
  match: 24,
  contribution: 25,
  admin: 26,
} as const;

/** The temporary functions (pg_temp: they vanish with the session). */
export function functionsSql(): string[] {
  const chars = q(USCC_CHARS);
  return [
    `create or replace function pg_temp.u(k bigint, s int) returns float8 language sql immutable parallel safe as
       $$ select ((hashint8extended(k, s) >> 11) & 9007199254740991)::float8 / 9007199254740992.0 $$`,
    `create or replace function pg_temp.uid(kind int, k bigint) returns uuid language sql immutable parallel safe as
       $$ select (lpad(to_hex((hashint8extended(k, kind * 7 + 1) & -61441) | 16384), 16, '0')
               || lpad(to_hex((hashint8extended(k, kind * 7 + 2) & 4611686018427387903) | x'8000000000000000'::bigint), 16, '0'))::uuid $$`,
    `create or replace function pg_temp.ts(wm bigint) returns timestamptz language sql immutable parallel safe as
       $$ select to_timestamp(${EPOCH_S} + ((wm / ${DAY}) / 5 * 7 + (wm / ${DAY}) % 5) * 86400 + (wm % ${DAY}) * 60) $$`,
    `create or replace function pg_temp.dt(wm bigint) returns date language sql immutable parallel safe as
       $$ select date '${EPOCH_DATE}' + ((wm / ${DAY}) / 5 * 7 + (wm / ${DAY}) % 5)::int $$`,
    `create or replace function pg_temp.zoned(d date, minutes int) returns timestamptz language sql immutable parallel safe as
       $$ select (d::timestamp + make_interval(mins => minutes)) at time zone 'Asia/Shanghai' $$`,
    `create or replace function pg_temp.nice_wan(x float8) returns int language sql immutable parallel safe as
       $$ select (case when x < 100 then round(x) when x < 1000 then round(x / 10) * 10 else round(x / 50) * 50 end)::int $$`,
    // GB 32100-2015: the 18th character over the first 17 (lib/enterprises/uscc.ts).
    `create or replace function pg_temp.uscc(body text) returns text language sql immutable parallel safe as
       $$ select body || substr(${chars}, ((31 - sum((strpos(${chars}, substr(body, i::int, 1)) - 1) * w) % 31) % 31)::int + 1, 1)
          from unnest('{1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28}'::int[]) with ordinality t(w, i) $$`,
    // Patent application number with its check character (lib/ip/patent-number.ts).
    `create or replace function pg_temp.patent(digits text) returns text language sql immutable parallel safe as
       $$ select 'ZL' || digits || '.' || (case when s % 11 = 10 then 'X' else (s % 11)::text end)
          from (select sum(substr(digits, i::int, 1)::int * w) as s
                  from unnest('{2,3,4,5,6,7,8,9,2,3,4,5}'::int[]) with ordinality t(w, i)) x $$`,
  ];
}
