// Product eligibility (DESIGN §2 product "eligibility", §3 Matching): checks an enterprise against a
// product's eligibility rules, rule by rule, so the matching engine can keep only the products whose
// rules all hold and an enterprise can see which rule failed and why.
//
// Pure: no React/Next/db imports. Dates are 'YYYY-MM-DD' strings; money is bigint fen; scores are
// decimal strings compared as scaled integers (hundredths), never as floats.

export type CertificationKind = 'high_tech' | 'tech_sme' | 'specialized_sme' | 'little_giant' | 'gazelle' | 'seed_unicorn' | 'potential_unicorn';

export interface EligibilityRules {
  /** All must be held, verified and valid on `asOf`. */
  requiredCertifications: CertificationKind[];
  /** Numeric as decimal string, e.g. '60.00'; null = no minimum. */
  minInnovationScore: string | null;
  /** Whole years between foundedOn and asOf; null = no minimum. */
  minYearsInOperation: number | null;
  /** Empty = every park. */
  eligibleParkIds: number[];
  /** GB/T 4754 section letters; empty = every industry. */
  eligibleIndustries: string[];
  maxEmployees: number | null;
  maxRevenueFen: bigint | null;
}

export type VerificationStatus = 'unverified' | 'verified' | 'rejected';

export interface EnterpriseFacts {
  parkId: number;
  industry: string;
  /** 'YYYY-MM-DD' */
  foundedOn: string;
  employees: number;
  revenueFen: bigint;
  verificationStatus: VerificationStatus;
  certifications: { kind: CertificationKind; validFrom: string; validTo: string; verificationStatus: VerificationStatus }[];
  /** Latest total, decimal string like '72.50'; null when none. */
  innovationScore: string | null;
}

export type RuleCode = 'certification' | 'innovation_score' | 'years_in_operation' | 'park' | 'industry' | 'employees' | 'revenue';

export type CertificationFailure = 'missing' | 'unverified' | 'expired' | 'not_yet_valid';

export interface RuleResult {
  rule: RuleCode;
  ok: boolean;
  /** machine-readable detail for the UI to phrase */
  detail: Record<string, string | number | string[]>;
}

// ------------------------------------------------------------------------------------------- dates

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parses a calendar date 'YYYY-MM-DD'; throws RangeError on anything else (incl. 2026-02-30). */
function parseDate(s: string, what: string): Ymd {
  const m = DATE_RE.exec(s);
  if (!m) throw new RangeError(`${what}: not a YYYY-MM-DD date: ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`${what}: no such date: ${JSON.stringify(s)}`);
  }
  return { y, m: mo, d };
}

function cmpYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/**
 * Full years from `from` to `to`, anniversary-based: founded 2020-06-15 → 6 on 2026-06-15, 5 on
 * 2026-06-14. A 02-29 date has its anniversary on 02-28 in non-leap years. If `to` is before `from`
 * the result is the negated count the other way round (so less than a year back is 0).
 * Throws RangeError on malformed dates.
 */
export function yearsBetween(from: string, to: string): number {
  const a = parseDate(from, 'from');
  const b = parseDate(to, 'to');
  if (cmpYmd(b, a) < 0) {
    const back = fullYears(b, a);
    return back === 0 ? 0 : -back; // avoid -0
  }
  return fullYears(a, b);
}

/** Full years from a to b, a <= b. */
function fullYears(a: Ymd, b: Ymd): number {
  let years = b.y - a.y;
  // The anniversary of `a` in year b.y (29 Feb → 28 Feb in a non-leap year).
  const anniversaryDay = Math.min(a.d, daysInMonth(b.y, a.m));
  if (b.m < a.m || (b.m === a.m && b.d < anniversaryDay)) years -= 1;
  return years;
}

// ---------------------------------------------------------------------------------------- decimals

const SCORE_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string to an exact count of hundredths: '72.5' / '72.50' → 7250n, '60' → 6000n.
 * Digits beyond the hundredths are accepted only if they are zeros ('72.500'). Throws RangeError on
 * malformed input: empty, whitespace, '+', exponent, thousands separators, '.5', '5.', finer than 0.01.
 */
export function scoreToHundredths(s: string): bigint {
  const m = SCORE_RE.exec(s);
  if (!m) throw new RangeError(`not a decimal number: ${JSON.stringify(s)}`);
  const [, sign, whole, frac = ''] = m;
  if (/[^0]/.test(frac.slice(2))) {
    throw new RangeError(`more precise than hundredths: ${JSON.stringify(s)}`);
  }
  const value = BigInt(whole!) * 100n + BigInt(frac.slice(0, 2).padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

/** 7250n → '72.50' */
function formatHundredths(h: bigint): string {
  const neg = h < 0n;
  const abs = neg ? -h : h;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

// ---------------------------------------------------------------------------------- certifications

type Cert = EnterpriseFacts['certifications'][number];

/** Why one certificate does not count on `asOf`, or null if it does. Time before verification: an
 *  expired certificate would not help even once verified. A rejected certificate is 'unverified'. */
function certProblem(c: Cert, asOf: Ymd): Exclude<CertificationFailure, 'missing'> | null {
  if (cmpYmd(asOf, parseDate(c.validFrom, 'certification validFrom')) < 0) return 'not_yet_valid';
  if (cmpYmd(asOf, parseDate(c.validTo, 'certification validTo')) > 0) return 'expired'; // validTo inclusive
  if (c.verificationStatus !== 'verified') return 'unverified';
  return null;
}

/** When several certificates of one kind all fail, report the one closest to counting. */
const FAILURE_RANK: Record<Exclude<CertificationFailure, 'missing'>, number> = {
  unverified: 0, // valid today, only needs verification
  not_yet_valid: 1, // will become valid
  expired: 2, // needs renewal
};

function checkCertification(kind: CertificationKind, facts: EnterpriseFacts, asOf: Ymd): RuleResult {
  let best: Exclude<CertificationFailure, 'missing'> | null = null;
  for (const c of facts.certifications) {
    if (c.kind !== kind) continue;
    const problem = certProblem(c, asOf);
    if (problem === null) return { rule: 'certification', ok: true, detail: { kind } };
    if (best === null || FAILURE_RANK[problem] < FAILURE_RANK[best]) best = problem;
  }
  return { rule: 'certification', ok: false, detail: { kind, reason: best ?? 'missing' } };
}

// ------------------------------------------------------------------------------------------- check

/**
 * Checks an enterprise against a product's eligibility rules on `asOf` ('YYYY-MM-DD'). Only rules the
 * product sets produce a result (one per distinct required certification); `eligible` is true iff
 * every result is ok (so no rules → eligible with no results).
 *
 * Details:
 * - certification: { kind } or { kind, reason: 'missing' | 'unverified' | 'expired' | 'not_yet_valid' }
 * - innovation_score: { required, actual } as 'NN.NN' strings; actual 'none' when there is no score
 * - years_in_operation: { required, actual } as numbers
 * - park: { allowed: park ids as strings, actual: park id }
 * - industry: { allowed, actual } section letters
 * - employees: { max, actual } as numbers
 * - revenue: { max, actual } as strings of fen
 *
 * Throws RangeError on malformed dates or decimal strings (data that the database cannot hold).
 */
export function checkEligibility(rules: EligibilityRules, facts: EnterpriseFacts, asOf: string): { eligible: boolean; results: RuleResult[] } {
  const today = parseDate(asOf, 'asOf');
  const results: RuleResult[] = [];

  for (const kind of new Set(rules.requiredCertifications)) {
    results.push(checkCertification(kind, facts, today));
  }

  if (rules.minInnovationScore !== null) {
    const required = scoreToHundredths(rules.minInnovationScore);
    if (facts.innovationScore === null) {
      results.push({ rule: 'innovation_score', ok: false, detail: { required: formatHundredths(required), actual: 'none' } });
    } else {
      const actual = scoreToHundredths(facts.innovationScore);
      results.push({
        rule: 'innovation_score',
        ok: actual >= required,
        detail: { required: formatHundredths(required), actual: formatHundredths(actual) },
      });
    }
  }

  if (rules.minYearsInOperation !== null) {
    const actual = yearsBetween(facts.foundedOn, asOf);
    results.push({
      rule: 'years_in_operation',
      ok: actual >= rules.minYearsInOperation,
      detail: { required: rules.minYearsInOperation, actual },
    });
  }

  if (rules.eligibleParkIds.length > 0) {
    results.push({
      rule: 'park',
      ok: rules.eligibleParkIds.includes(facts.parkId),
      detail: { allowed: rules.eligibleParkIds.map(String), actual: facts.parkId },
    });
  }

  if (rules.eligibleIndustries.length > 0) {
    results.push({
      rule: 'industry',
      ok: rules.eligibleIndustries.includes(facts.industry),
      detail: { allowed: [...rules.eligibleIndustries], actual: facts.industry },
    });
  }

  if (rules.maxEmployees !== null) {
    results.push({
      rule: 'employees',
      ok: facts.employees <= rules.maxEmployees,
      detail: { max: rules.maxEmployees, actual: facts.employees },
    });
  }

  if (rules.maxRevenueFen !== null) {
    results.push({
      rule: 'revenue',
      ok: facts.revenueFen <= rules.maxRevenueFen,
      detail: { max: rules.maxRevenueFen.toString(), actual: facts.revenueFen.toString() },
    });
  }

  return { eligible: results.every((r) => r.ok), results };
}

// ------------------------------------------------------------------------------------------- i18n

const CERTIFICATION_FAILURES: readonly CertificationFailure[] = ['missing', 'unverified', 'expired', 'not_yet_valid'];
const RULE_CODES: readonly RuleCode[] = ['certification', 'innovation_score', 'years_in_operation', 'park', 'industry', 'employees', 'revenue'];

/**
 * i18n key for one result: 'eligibility.<rule>.ok' when it holds; when it fails,
 * 'eligibility.certification.<reason>' for a certification, 'eligibility.innovation_score.none' for a
 * score threshold without a score, 'eligibility.<rule>.fail' otherwise.
 */
export function eligibilityMessageKey(r: RuleResult): string {
  if (r.ok) return `eligibility.${r.rule}.ok`;
  if (r.rule === 'certification') {
    const reason = r.detail.reason;
    const known = CERTIFICATION_FAILURES.find((f) => f === reason);
    return `eligibility.certification.${known ?? 'missing'}`;
  }
  // No score yet: say so, and where to get one, rather than "(now none)".
  if (r.rule === 'innovation_score' && r.detail.actual === 'none') return 'eligibility.innovation_score.none';
  return `eligibility.${r.rule}.fail`;
}

/** Every key eligibilityMessageKey can return, for whoever writes the texts (and a test to check them). */
export const ELIGIBILITY_MESSAGE_KEYS: readonly string[] = [
  ...RULE_CODES.map((rule) => `eligibility.${rule}.ok`),
  ...CERTIFICATION_FAILURES.map((reason) => `eligibility.certification.${reason}`),
  ...RULE_CODES.filter((rule) => rule !== 'certification').map((rule) => `eligibility.${rule}.fail`),
  'eligibility.innovation_score.none',
];
