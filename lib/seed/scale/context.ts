// What every phase of the scale generator shares: the runner, the tier and what was read from the
// database it loads into (parks, schemes, LPR, the admin).
import type { Runner } from './runner';
import type { Tier } from './tiers';
import { DAY, q } from './sql';

export interface ParkRow {
  id: number;
  code: string;
  districtCode: string;
  name: string;
}

export interface SchemeRow {
  id: string;
  code: string;
  /** Earliest working minute a product of the scheme may be created (after the scheme). */
  minWm: number;
}

export interface Ctx {
  r: Runner;
  tier: Tier;
  adminId: string;
  /** argon2 hash of the demo password with a fixed salt: every generated user can sign in. */
  passwordHash: string;
  requestId: string;
  /** Park of each of the 20 enterprise slots ((n − 1) mod 20), skewed like the zone's parks. */
  slotPark: ParkRow[];
  /** District names as written in company names, per slot. */
  slotDistrict: string[];
  schemeFor: { ip_pledge: SchemeRow | null; guarantee: SchemeRow | null };
  /** LPR 1-year as an SQL CASE over a date expression. */
  lprSql: (date: string) => string;
  /** Enterprises onboarded over the history (the rest registered in the last days, unverified). */
  eh: number;
  /** Compensation the generated claims paid, per scheme id (the funds are topped up at the end). */
  paidByScheme: Map<string, bigint>;
  /** Earliest submission (working minutes): enough verified enterprises exist by then. */
  loWm: number;
}

const DISTRICT_NAMES: Record<string, string> = {
  '440604': '禅城区',
  '440605': '南海区',
  '440606': '顺德区',
  '440607': '三水区',
  '440608': '高明区',
};
/** Slots per park (of 20) by park code; parks of another zone share the slots evenly. */
const PARK_WEIGHT: Record<string, number> = { nanhai: 7, shunde: 6, chancheng: 3, gaoming: 2, sanshui: 2 };

export function parkSlots(parks: ParkRow[]): { slotPark: ParkRow[]; slotDistrict: string[] } {
  if (parks.length === 0) throw new Error('no parks: load the demo data first (npm run db:seed)');
  const known = parks.every((p) => PARK_WEIGHT[p.code]) && parks.length === Object.keys(PARK_WEIGHT).length;
  const slotPark: ParkRow[] = [];
  if (known) {
    for (const p of parks) for (let i = 0; i < PARK_WEIGHT[p.code]; i++) slotPark.push(p);
  } else {
    for (let i = 0; i < 20; i++) slotPark.push(parks[i % parks.length]);
  }
  // Interleave, so consecutive enterprise numbers land in different parks.
  const order = [0, 7, 13, 16, 18, 1, 8, 14, 17, 19, 2, 9, 15, 3, 10, 4, 11, 5, 12, 6];
  const interleaved = order.map((i) => slotPark[i]);
  return { slotPark: interleaved, slotDistrict: interleaved.map((p) => DISTRICT_NAMES[p.districtCode] ?? p.name) };
}

/** The onboarding curve: enterprise n (1-based) of `eh` registered on working day created(n). */
export function createdDaySql(n: string, eh: number): string {
  const x = `((${n} - 1)::float8 / ${eh})`;
  return `floor(case when ${x} <= 0.2 then 200 * ${x} else 40 + (${x} - 0.2) * 581.25 end)::int`;
}

/** The largest n whose enterprise was verified before working day `d` + 4 (inverse of the curve). */
export function verifiedByDaySql(d: string, eh: number): string {
  return `least(${eh}, floor((case when ${d} <= 40 then ${d} / 200.0 else 0.2 + (${d} - 40) * 0.8 / 465.0 end) * ${eh})::int + 1)`;
}

/** Smallest working minute from which at least 41 enterprises are verified 14 working days earlier. */
export function lowestSubmission(eh: number): number {
  for (let d = 0; d < 500; d++) {
    const x = d <= 40 ? d / 200 : 0.2 + ((d - 40) * 0.8) / 465;
    if (Math.floor(x * eh) + 1 >= 41) return Math.max(20, d + 4 + 11) * DAY;
  }
  throw new Error('too few enterprises for this tier');
}

export function lprCase(rows: { effectiveOn: string; oneYearBp: number }[]): (date: string) => string {
  const sorted = [...rows].sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : -1));
  if (sorted.length === 0) return () => '300';
  return (date) =>
    `(case ${sorted.map((r) => `when ${date} >= ${q(r.effectiveOn)}::date then ${r.oneYearBp}`).join(' ')} else ${sorted[sorted.length - 1].oneYearBp} end)`;
}
