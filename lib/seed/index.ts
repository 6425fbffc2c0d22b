// Deterministic demo data for the Foshan zone (一区五园): parks, institutions, products, enterprises
// with certifications, IP assets and innovation scores, needs, matches, applications with their
// timelines, loans, repayments, IP pledges, risk schemes with enrolments and claims, consents,
// notifications and an audit trail.
//
// Same rows and same figures on every run: every random choice comes from a seeded PRNG stream
// (data/prng.ts), every date from the fixed demo "today" 2026-11-20 (data/calendar.ts), every uuid is
// name-based. Only the argon2 password hash differs between runs (it is salted).
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { CertificationKind, ProductCategory } from '../../db/schema';
import { USCC_CHARS, withUsccCheckChar } from '../uscc';
import { withPatentCheckChar } from '../patent-number';
import { hashPassword } from '../auth/password';
import {
  DEMO_ACCOUNT_NAMES,
  DEMO_ACCOUNTS,
  DEMO_BANK_INSTITUTION,
  DEMO_PASSWORD,
  DEMO_SME_NAME,
  enterpriseOwnerEmail,
  officerEmail,
} from './data/accounts';
import {
  addDays,
  addMonths,
  addWorkingDays,
  addWorkingHours,
  addYears,
  at,
  dateOf,
  daysBetween,
  DEMO_NOW,
  DEMO_TODAY,
  HOUR,
  monthsBetween,
  roundToMinute,
  workingDaysBetween,
} from './data/calendar';
import { APPRAISERS, GIVEN_NAMES, INDUSTRY_SUFFIXES, productLineOf, SURNAMES, TRADE_NAMES, UNIVERSITIES } from './data/enterprises';
import { INSTITUTIONS, type InstitutionSeed } from './data/institutions';
import {
  INDICATOR_KEYS,
  type InnovationInputData,
  type Stage,
  STAGE_RULES,
  WEIGHT_SET_V1,
} from './data/innovation';
import { formatHundredths, scoreInnovation } from '../innovation/score';
import type { EnterpriseFacts } from '../eligibility';
import type { MatchNeed, MatchProduct } from '../matching';
import { enterpriseFacts, fitsNeed, isEligible, matchProduct, matchScore } from './engines';
import { DESIGN_TITLES, INVENTION_TITLES, SOFTWARE_TITLES, TRADEMARK_CLASSES, UTILITY_TITLES } from './data/ip';
import { PARKS, type ParkSeed } from './data/parks';
import { digest, type Rng, rngFor, seedUuid } from './data/prng';
import { PRODUCT_TEMPLATES, type ProductTemplate, type RepaymentMethodSeed } from './data/products';


type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Insert<T extends PgTable> = T['$inferInsert'];
type AppStatus = (typeof s.applicationStatus.enumValues)[number];
type NeedStatus = (typeof s.needStatus.enumValues)[number];
type NeedPurpose = (typeof s.needPurpose.enumValues)[number];
type GuaranteeMethod = (typeof s.guaranteeMethod.enumValues)[number];
type LoanStatus = (typeof s.loanStatus.enumValues)[number];
type MatchSource = (typeof s.matchSource.enumValues)[number];
type MatchStatus = (typeof s.matchStatus.enumValues)[number];
type Line = ReturnType<typeof productLineOf>;

// ---------------------------------------------------------------- public API

export interface SeedSummary {
  parks: number;
  institutions: number;
  enterprises: number;
  users: number;
  certifications: number;
  innovationWeightSets: number;
  innovationInputs: number;
  innovationScores: number;
  lprRates: number;
  riskSchemes: number;
  schemeContributions: number;
  products: number;
  ipAssets: number;
  financingNeeds: number;
  needIpAssets: number;
  matches: number;
  applications: number;
  applicationEvents: number;
  loans: number;
  loanRepayments: number;
  pledges: number;
  pledgeAssets: number;
  schemeEnrolments: number;
  claims: number;
  consents: number;
  notifications: number;
  auditEvents: number;
  appSettings: number;
}

/** True when nothing has been seeded yet (the parks table is empty). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: s.parks.id }).from(s.parks).limit(1);
  return rows.length === 0;
}

/** Inserts the whole demo data set in one transaction. Run it on an empty, migrated database. */
export async function seedDemoData(db: Db): Promise<SeedSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const parkRows = await tx
      .insert(s.parks)
      .values(PARKS.map(({ code, name, nameEn, districtCode, sortOrder }) => ({ code, name, nameEn, districtCode, sortOrder })))
      .returning({ id: s.parks.id, code: s.parks.code });
    const parkIds = new Map(parkRows.map((p) => [p.code, p.id]));
    const rows = buildDemoRows(parkIds, passwordHash);

    await insertAll(tx, s.institutions, rows.institutions);
    await insertAll(tx, s.enterprises, rows.enterprises);
    await insertAll(tx, s.users, rows.users);
    await insertAll(tx, s.certifications, rows.certifications);
    const [weightSet] = await tx.insert(s.innovationWeightSets).values(rows.weightSet).returning({ id: s.innovationWeightSets.id });
    await insertAll(tx, s.innovationInputs, rows.innovationInputs);
    await insertAll(
      tx,
      s.innovationScores,
      rows.innovationScores.map((r) => ({ ...r, weightSetId: weightSet.id })),
    );
    await insertAll(tx, s.lprRates, rows.lprRates);
    await insertAll(tx, s.riskSchemes, rows.riskSchemes);
    await insertAll(tx, s.schemeContributions, rows.schemeContributions);
    await insertAll(tx, s.products, rows.products);
    await insertAll(tx, s.ipAssets, rows.ipAssets);
    await insertAll(tx, s.financingNeeds, rows.financingNeeds);
    await insertAll(tx, s.needIpAssets, rows.needIpAssets);
    await insertAll(tx, s.matches, rows.matches);
    await insertAll(tx, s.applications, rows.applications);
    await insertAll(tx, s.applicationEvents, rows.applicationEvents);
    await insertAll(tx, s.loans, rows.loans);
    await insertAll(tx, s.loanRepayments, rows.loanRepayments);
    // Pledges before their assets: a trigger sets pledge_assets.live from the pledge's status.
    await insertAll(tx, s.pledges, rows.pledges);
    await insertAll(tx, s.pledgeAssets, rows.pledgeAssets);
    await insertAll(tx, s.schemeEnrolments, rows.schemeEnrolments);
    await insertAll(tx, s.claims, rows.claims);
    await insertAll(tx, s.consents, rows.consents);
    await insertAll(tx, s.notifications, rows.notifications);
    await insertAll(tx, s.auditEvents, rows.auditEvents);
    await insertAll(tx, s.appSettings, rows.appSettings);

    return {
      parks: parkRows.length,
      institutions: rows.institutions.length,
      enterprises: rows.enterprises.length,
      users: rows.users.length,
      certifications: rows.certifications.length,
      innovationWeightSets: 1,
      innovationInputs: rows.innovationInputs.length,
      innovationScores: rows.innovationScores.length,
      lprRates: rows.lprRates.length,
      riskSchemes: rows.riskSchemes.length,
      schemeContributions: rows.schemeContributions.length,
      products: rows.products.length,
      ipAssets: rows.ipAssets.length,
      financingNeeds: rows.financingNeeds.length,
      needIpAssets: rows.needIpAssets.length,
      matches: rows.matches.length,
      applications: rows.applications.length,
      applicationEvents: rows.applicationEvents.length,
      loans: rows.loans.length,
      loanRepayments: rows.loanRepayments.length,
      pledges: rows.pledges.length,
      pledgeAssets: rows.pledgeAssets.length,
      schemeEnrolments: rows.schemeEnrolments.length,
      claims: rows.claims.length,
      consents: rows.consents.length,
      notifications: rows.notifications.length,
      auditEvents: rows.auditEvents.length,
      appSettings: rows.appSettings.length,
    };
  });
}

const CHUNK = 500;

async function insertAll<T extends PgTable>(tx: Tx, table: T, values: Insert<T>[]): Promise<void> {
  for (let i = 0; i < values.length; i += CHUNK) {
    await tx.insert(table).values(values.slice(i, i + CHUNK) as never);
  }
}

// ---------------------------------------------------------------- the rows

interface DemoRows {
  institutions: Insert<typeof s.institutions>[];
  enterprises: Insert<typeof s.enterprises>[];
  users: Insert<typeof s.users>[];
  certifications: Insert<typeof s.certifications>[];
  weightSet: Insert<typeof s.innovationWeightSets>;
  innovationInputs: Insert<typeof s.innovationInputs>[];
  innovationScores: Omit<Insert<typeof s.innovationScores>, 'weightSetId'>[];
  lprRates: Insert<typeof s.lprRates>[];
  riskSchemes: Insert<typeof s.riskSchemes>[];
  schemeContributions: Insert<typeof s.schemeContributions>[];
  products: Insert<typeof s.products>[];
  ipAssets: IpRow[];
  financingNeeds: Insert<typeof s.financingNeeds>[];
  needIpAssets: Insert<typeof s.needIpAssets>[];
  matches: Insert<typeof s.matches>[];
  applications: Insert<typeof s.applications>[];
  applicationEvents: Insert<typeof s.applicationEvents>[];
  loans: Insert<typeof s.loans>[];
  loanRepayments: Insert<typeof s.loanRepayments>[];
  pledges: Insert<typeof s.pledges>[];
  pledgeAssets: Insert<typeof s.pledgeAssets>[];
  schemeEnrolments: Insert<typeof s.schemeEnrolments>[];
  claims: Insert<typeof s.claims>[];
  consents: Insert<typeof s.consents>[];
  notifications: Insert<typeof s.notifications>[];
  auditEvents: Insert<typeof s.auditEvents>[];
  appSettings: Insert<typeof s.appSettings>[];
}

type IpRow = Insert<typeof s.ipAssets> & { id: string; number: string; kind: (typeof s.ipKind.enumValues)[number] };

const ADMIN_ID = seedUuid('user', 'admin');
const IP_SCHEME = 'foshan-ip-compensation';
const RONGDAN_SCHEME = 'foshan-hitech-rongdan';

const wan = (w: number): bigint => BigInt(Math.round(w * 100)) * 10_000n;
const toWan = (fen: bigint): number => Number(fen) / 1_000_000;
const date = (ms: number) => new Date(ms);
const minMs = (...xs: number[]) => Math.min(...xs);
const maxMs = (...xs: number[]) => Math.max(...xs);
const round10 = (w: number) => Math.max(10, Math.round(w / 10) * 10);
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const formatRate = (bp: number) => `${(bp / 100).toFixed(2)}%`;

function randomDate(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

function yearsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return y2 - y1 - (m2 * 100 + d2 < m1 * 100 + d1 ? 1 : 0);
}

function randomName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

interface Inst {
  seed: InstitutionSeed;
  id: string;
  userId: string;
  userName: string;
  joinedMs: number;
}

interface Cert {
  kind: CertificationKind;
  validFrom: string;
  validTo: string;
  verified: boolean;
}

interface Ent {
  n: number;
  id: string;
  name: string;
  trade: string;
  park: ParkSeed;
  industry: 'C' | 'I' | 'M';
  line: Line;
  foundedOn: string;
  revenueFen: bigint;
  rndFen: bigint;
  employees: number;
  verification: 'verified' | 'unverified' | 'rejected';
  createdMs: number;
  verifiedMs: number | null;
  ownerId: string;
  ownerName: string;
  certs: Cert[];
  ip: IpRow[];
  scoreHundredths: number;
  stage: Stage;
  apps: number;
  needs: number;
  openNeeds: number;
  appliedProducts: Set<string>;
  hasSchemeLoan: boolean;
}

interface Prod {
  t: ProductTemplate;
  id: string;
  inst: Inst;
  schemeCode: string | null;
  publishedMs: number | null;
  min: number; // 万元
  max: number;
}

interface Lpr {
  effectiveOn: string;
  oneYearBp: number;
}

interface Ctx {
  rows: DemoRows;
  insts: Map<string, Inst>;
  ents: Ent[];
  prods: Map<string, Prod>;
  published: Prod[];
  lpr: Lpr[];
  schemeIds: Map<string, string>;
  patentNumbers: Set<string>;
  appSeq: number;
  pledgeSeq: number;
  enrolmentsByLoan: Map<string, { id: string; schemeCode: string }>;
  loanMeta: LoanMeta[];
}

interface LoanMeta {
  loanId: string;
  appId: string;
  ent: Ent;
  prod: Prod;
  principal: bigint;
  outstanding: bigint;
  status: LoanStatus;
  disbursedMs: number;
  defaultedOn?: string;
}

function buildDemoRows(parkIds: Map<string, number>, passwordHash: string): DemoRows {
  const rows: DemoRows = {
    institutions: [],
    enterprises: [],
    users: [],
    certifications: [],
    weightSet: {
      version: WEIGHT_SET_V1.version,
      name: WEIGHT_SET_V1.name,
      weights: WEIGHT_SET_V1.weights,
      publishedAt: date(at('2025-01-02', 10, 0)),
      createdBy: ADMIN_ID,
      createdAt: date(at('2024-12-20', 15, 30)),
    },
    innovationInputs: [],
    innovationScores: [],
    lprRates: [],
    riskSchemes: [],
    schemeContributions: [],
    products: [],
    ipAssets: [],
    financingNeeds: [],
    needIpAssets: [],
    matches: [],
    applications: [],
    applicationEvents: [],
    loans: [],
    loanRepayments: [],
    pledges: [],
    pledgeAssets: [],
    schemeEnrolments: [],
    claims: [],
    consents: [],
    notifications: [],
    auditEvents: [],
    appSettings: [],
  };

  // Admin first: everything an admin verified points at this user.
  rows.users.push({
    id: ADMIN_ID,
    name: DEMO_ACCOUNT_NAMES.admin,
    email: DEMO_ACCOUNTS.admin,
    passwordHash,
    role: 'admin',
    status: 'active',
    lastLoginAt: date(at('2026-11-19', 17, 42)),
    createdAt: date(at('2024-11-01', 9, 0)),
    updatedAt: date(at('2024-11-01', 9, 0)),
  });

  const insts = buildInstitutions(rows, passwordHash);
  const lpr = buildLpr(rows);
  const schemeIds = buildSchemes(rows);
  const prods = buildProducts(rows, insts, parkIds, schemeIds);
  const ctx: Ctx = {
    rows,
    insts,
    ents: [],
    prods,
    published: [...prods.values()].filter((p) => p.t.status === 'published'),
    lpr,
    schemeIds,
    patentNumbers: new Set(),
    appSeq: 0,
    pledgeSeq: 0,
    enrolmentsByLoan: new Map(),
    loanMeta: [],
  };
  buildEnterprises(ctx, parkIds, passwordHash);
  buildInnovation(ctx);
  buildApplications(ctx);
  buildStandaloneNeeds(ctx);
  buildClaims(ctx);
  buildConsents(ctx);
  buildNotifications(ctx);
  buildAudit(ctx);
  rows.appSettings.push(
    { key: 'demo.seed_version', value: '1', updatedAt: date(DEMO_NOW) },
    { key: 'demo.today', value: DEMO_TODAY, updatedAt: date(DEMO_NOW) },
  );
  return rows;
}

// ---------------------------------------------------------------- institutions, LPR, schemes, products

function buildInstitutions(rows: DemoRows, passwordHash: string): Map<string, Inst> {
  const insts = new Map<string, Inst>();
  for (const seed of INSTITUTIONS) {
    const id = seedUuid('institution', seed.key);
    const joinedMs = at(seed.joinedOn, 10, 0);
    const isDemoBank = seed.key === DEMO_BANK_INSTITUTION;
    const userId = seedUuid('user', `institution:${seed.key}`);
    const userName = isDemoBank ? DEMO_ACCOUNT_NAMES.bank : seed.officerName;
    const activatedMs = addWorkingHours(joinedMs, 6);
    rows.institutions.push({
      id,
      name: seed.name,
      kind: seed.kind,
      uscc: withUsccCheckChar(seed.usccBody),
      contactName: seed.contactName,
      contactPhone: seed.contactPhone,
      contactEmail: `kjjr@${seed.key}.example`,
      status: seed.status,
      createdAt: date(joinedMs),
      updatedAt: date(seed.status === 'suspended' ? at('2026-09-15', 15, 20) : seed.status === 'active' ? activatedMs : joinedMs),
    });
    rows.users.push({
      id: userId,
      name: userName,
      email: isDemoBank ? DEMO_ACCOUNTS.bank : officerEmail(seed.key),
      passwordHash,
      role: 'institution',
      institutionId: id,
      memberRole: 'officer',
      status: 'active',
      lastLoginAt: seed.status === 'active' ? date(at('2026-11-19', 9 + (seed.responseHours % 8), 15)) : null,
      createdAt: date(joinedMs),
      updatedAt: date(joinedMs),
    });
    insts.set(seed.key, { seed, id, userId, userName, joinedMs });
  }
  return insts;
}

function buildLpr(rows: DemoRows): Lpr[] {
  // Published monthly on the 20th: 3.10 % / 3.60 % until April 2025, 3.00 % / 3.50 % since May 2025.
  const out: Lpr[] = [];
  for (let m = 0; ; m++) {
    const day = addMonths('2024-12-20', m);
    if (day > DEMO_TODAY) break;
    const cut = day >= '2025-05-20';
    const row = { effectiveOn: day, oneYearBp: cut ? 300 : 310, fiveYearBp: cut ? 350 : 360 };
    rows.lprRates.push(row);
    out.push(row);
  }
  return out;
}

function lprAt(lpr: Lpr[], day: string): number {
  let bp = lpr[0].oneYearBp;
  for (const r of lpr) if (r.effectiveOn <= day) bp = r.oneYearBp;
  return bp;
}

const CONTRIBUTIONS: Record<string, { on: string; yuan: number; note: string }[]> = {
  [IP_SCHEME]: [
    { on: '2025-01-15', yuan: 10_000_000, note: '市级财政首期注资' },
    { on: '2025-07-01', yuan: 5_000_000, note: '佛山高新区管委会配套资金' },
    { on: '2026-03-10', yuan: 10_000_000, note: '市级财政2026年度注资' },
  ],
  [RONGDAN_SCHEME]: [
    { on: '2025-02-28', yuan: 20_000_000, note: '融担贷风险资金池首期资金' },
    { on: '2026-02-16', yuan: 10_000_000, note: '融担贷风险资金池年度补充' },
  ],
};

function buildSchemes(rows: DemoRows): Map<string, string> {
  const ids = new Map<string, string>();
  const defs = [
    {
      code: IP_SCHEME,
      name: '佛山市知识产权质押融资风险补偿资金',
      kind: 'ip_pledge_compensation' as const,
      eligibleCategories: ['ip_pledge' as const],
      shareFundBp: 7000,
      shareBankBp: 3000,
      shareGuarantorBp: 0,
      capPerLoanFen: wan(500),
      leverageCap: '10.00',
      createdMs: at('2025-01-10', 10, 0),
    },
    {
      code: RONGDAN_SCHEME,
      name: '佛山高新区融担贷',
      kind: 'guarantee_fund' as const,
      eligibleCategories: ['guarantee' as const],
      shareFundBp: 4000,
      shareBankBp: 2000,
      shareGuarantorBp: 4000,
      capPerLoanFen: wan(300),
      leverageCap: '8.00',
      createdMs: at('2025-02-20', 10, 0),
    },
  ];
  for (const def of defs) {
    const id = seedUuid('scheme', def.code);
    ids.set(def.code, id);
    const { createdMs, ...rest } = def;
    let balance = 0n;
    CONTRIBUTIONS[def.code].forEach((c, i) => {
      const amountFen = BigInt(c.yuan) * 100n;
      balance += amountFen;
      rows.schemeContributions.push({
        id: seedUuid('contribution', `${def.code}:${i}`),
        schemeId: id,
        amountFen,
        contributedOn: c.on,
        note: c.note,
        recordedBy: ADMIN_ID,
        createdAt: date(at(c.on, 16, 0)),
      });
    });
    // Paid claims are subtracted in buildClaims.
    rows.riskSchemes.push({ id, ...rest, balanceFen: balance, createdAt: date(createdMs) });
  }
  return ids;
}

function buildProducts(rows: DemoRows, insts: Map<string, Inst>, parkIds: Map<string, number>, schemeIds: Map<string, string>): Map<string, Prod> {
  const prods = new Map<string, Prod>();
  for (const t of PRODUCT_TEMPLATES) {
    const inst = insts.get(t.institution);
    if (!inst) throw new Error(`product ${t.key}: unknown institution ${t.institution}`);
    const id = seedUuid('product', t.key);
    const schemeCode = t.category === 'ip_pledge' ? IP_SCHEME : t.category === 'guarantee' ? RONGDAN_SCHEME : null;
    const publishedMs = t.publishedOn ? at(t.publishedOn, 10, 30) : null;
    const updatedMs =
      t.status === 'suspended' ? at('2026-09-15', 15, 25) : t.status === 'archived' ? at('2025-03-05', 11, 0) : (publishedMs ?? at(t.createdOn, 16, 0));
    rows.products.push({
      id,
      institutionId: inst.id,
      name: t.name,
      category: t.category,
      summary: t.summary,
      description: t.description,
      amountMinFen: wan(t.amountWan[0]),
      amountMaxFen: wan(t.amountWan[1]),
      termMinMonths: t.termMonths[0],
      termMaxMonths: t.termMonths[1],
      rateType: t.rateType,
      rateMinBp: t.rateBp[0],
      rateMaxBp: t.rateBp[1],
      feeBp: t.feeBp ?? 0,
      subsidyBp: t.subsidyBp ?? 0,
      guaranteeMethods: t.guarantee,
      repaymentMethods: t.repayment,
      requiredCertifications: t.requiredCertifications ?? [],
      minInnovationScore: t.minInnovationScore != null ? t.minInnovationScore.toFixed(2) : null,
      minYearsInOperation: t.minYears ?? null,
      eligibleParkIds: (t.parks ?? []).map((code) => {
        const pid = parkIds.get(code);
        if (pid == null) throw new Error(`product ${t.key}: unknown park ${code}`);
        return pid;
      }),
      eligibleIndustries: t.industries ?? [],
      maxEmployees: t.maxEmployees ?? null,
      maxRevenueFen: t.maxRevenueWan != null ? wan(t.maxRevenueWan) : null,
      zoneExclusive: t.zoneExclusive ?? false,
      requiredDocuments: t.documents,
      schemeId: schemeCode ? schemeIds.get(schemeCode)! : null,
      status: t.status,
      publishedAt: publishedMs != null ? date(publishedMs) : null,
      createdAt: date(at(t.createdOn, 15, 0)),
      updatedAt: date(updatedMs),
    });
    prods.set(t.key, { t, id, inst, schemeCode, publishedMs, min: t.amountWan[0], max: t.amountWan[1] });
  }
  return prods;
}

// ---------------------------------------------------------------- enterprises, certifications, IP

function usccFor(rng: Rng, districtCode: string, taken: Set<string>): string {
  for (;;) {
    let org = '';
    if (rng.chance(0.65)) {
      org = 'MA' + rng.pick(['4', '5']);
      for (let i = 0; i < 6; i++) org += USCC_CHARS[rng.int(0, USCC_CHARS.length - 1)];
    } else {
      org = rng.pick(['5', '6', '7']);
      for (let i = 0; i < 7; i++) org += String(rng.int(0, 9));
      org += rng.pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
    }
    const code = withUsccCheckChar(`91${districtCode}${org}`);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

const UNVERIFIED = new Set([44, 45, 46]);
const OVERRIDDEN = 46;
const REJECTED = 47;
const ENTERPRISE_COUNT = 48; // n = 0 is the demo SME, 1..47 are generated

function buildEnterprises(ctx: Ctx, parkIds: Map<string, number>, passwordHash: string): void {
  const rng = rngFor('enterprises');
  const certRng = rngFor('certifications');
  const ipRng = rngFor('ip-assets');
  const trades = rng.shuffle(TRADE_NAMES);
  const usccs = new Set<string>();
  const certSerial: Record<CertificationKind, number> = {
    high_tech: 1200,
    tech_sme: 300,
    specialized_sme: 40,
    little_giant: 10,
    gazelle: 5,
    seed_unicorn: 1,
    potential_unicorn: 1,
  };
  const nextSerial = (kind: CertificationKind) => (certSerial[kind] += certRng.int(1, 37));

  for (let n = 0; n < ENTERPRISE_COUNT; n++) {
    const demo = n === 0;
    const park = demo ? PARKS.find((p) => p.code === 'nanhai')! : PARKS[(n - 1) % PARKS.length];
    const industry: 'C' | 'I' | 'M' = demo ? 'C' : rng.weighted([['C', 6], ['I', 2], ['M', 2]] as const);
    const suffix = demo ? '智能装备' : rng.pick(INDUSTRY_SUFFIXES[industry]);
    const trade = demo ? '科睿' : trades[n - 1];
    const name = demo ? DEMO_SME_NAME : `佛山市${park.districtName}${trade}${suffix}有限公司`;
    const startup = !demo && rng.chance(0.12);
    const foundedOn = demo ? '2016-04-18' : startup ? randomDate(rng, '2022-03-01', '2024-06-30') : randomDate(rng, '2003-01-01', '2021-12-31');
    const revenueWan = demo ? 18_600 : Math.round(startup ? rng.logUniform(500, 3000) : rng.logUniform(800, 50_000));
    const rndRatio = industry === 'I' ? rng.int(800, 1800) : industry === 'M' ? rng.int(600, 1500) : rng.int(350, 900);
    const rndWan = demo ? 1380 : Math.round((revenueWan * rndRatio) / 10_000);
    const employees = demo ? 186 : clamp(Math.round(revenueWan / rng.logUniform(40, 120)), 12, 2500);
    const capitalWan = demo ? 2000 : Math.max(100, Math.round(rng.logUniform(100, 10_000) / 10) * 10);
    const verification = demo ? 'verified' : n === REJECTED ? 'rejected' : UNVERIFIED.has(n) ? 'unverified' : 'verified';
    let createdDay: string;
    if (demo) createdDay = '2025-01-06';
    else if (verification === 'unverified') createdDay = randomDate(rng, '2026-11-09', '2026-11-19');
    else if (verification === 'rejected') createdDay = '2026-10-12';
    else {
      const tier = rng.weighted([['early', 7], ['mid', 2], ['late', 1]] as const);
      createdDay =
        tier === 'early'
          ? randomDate(rng, '2024-12-02', '2025-03-31')
          : tier === 'mid'
            ? randomDate(rng, '2025-04-01', '2025-12-31')
            : randomDate(rng, '2026-01-05', '2026-09-30');
    }
    const createdMs = at(createdDay, demo ? 10 : rng.int(9, 17), demo ? 30 : rng.int(0, 59));
    const verifiedMs = verification === 'unverified' ? null : addWorkingHours(createdMs, demo ? 14 : rng.int(3, 24));
    let uscc = usccFor(rng, park.districtCode, usccs);
    if (n === OVERRIDDEN) {
      // A legal early code that fails the GB 32100 check: printed like this on the licence.
      const wrong = USCC_CHARS.split('').filter((c) => c !== uscc[17]);
      uscc = uscc.slice(0, 17) + rng.pick(wrong);
    }
    const id = seedUuid('enterprise', n);
    const ownerId = seedUuid('user', `enterprise:${n}`);
    const ownerName = demo ? DEMO_ACCOUNT_NAMES.sme : randomName(rng);
    ctx.rows.enterprises.push({
      id,
      uscc,
      usccCheckOverridden: n === OVERRIDDEN,
      name,
      parkId: parkIds.get(park.code)!,
      industry,
      foundedOn,
      registeredCapitalFen: wan(capitalWan),
      employees,
      revenueFen: wan(revenueWan),
      rndExpenseFen: wan(rndWan),
      verificationStatus: verification,
      verificationNote: verification === 'rejected' ? '营业执照上的企业名称与填报名称不一致，请核对后重新提交认证材料。' : null,
      verifiedAt: verifiedMs != null ? date(verifiedMs) : null,
      verifiedBy: verifiedMs != null ? ADMIN_ID : null,
      createdAt: date(createdMs),
      updatedAt: date(verifiedMs ?? createdMs),
    });
    ctx.rows.users.push({
      id: ownerId,
      name: ownerName,
      email: demo ? DEMO_ACCOUNTS.sme : enterpriseOwnerEmail(n),
      passwordHash,
      role: 'enterprise',
      enterpriseId: id,
      memberRole: 'owner',
      status: 'active',
      lastLoginAt: demo ? date(at('2026-11-19', 20, 15)) : null,
      createdAt: date(createdMs),
      updatedAt: date(createdMs),
    });
    const ent: Ent = {
      n,
      id,
      name,
      trade,
      park,
      industry,
      line: productLineOf(suffix),
      foundedOn,
      revenueFen: wan(revenueWan),
      rndFen: wan(rndWan),
      employees,
      verification,
      createdMs,
      verifiedMs,
      ownerId,
      ownerName,
      certs: [],
      ip: [],
      scoreHundredths: 0,
      stage: 'growth',
      apps: 0,
      needs: 0,
      openNeeds: 0,
      appliedProducts: new Set(),
      hasSchemeLoan: false,
    };
    ctx.ents.push(ent);

    // ---- certifications
    const addCert = (kind: CertificationKind, number: string, validFrom: string, validTo: string, verified: boolean, createdAtMs: number) => {
      const verifiedAtMs = verified ? addWorkingHours(maxMs(createdAtMs, verifiedMs ?? createdAtMs), certRng.int(2, 20)) : null;
      ctx.rows.certifications.push({
        id: seedUuid('certification', `${kind}:${number}`),
        enterpriseId: id,
        kind,
        number,
        validFrom,
        validTo,
        verificationStatus: verified ? 'verified' : 'unverified',
        verifiedAt: verifiedAtMs != null ? date(verifiedAtMs) : null,
        verifiedBy: verifiedAtMs != null ? ADMIN_ID : null,
        createdAt: date(createdAtMs),
      });
      ent.certs.push({ kind, validFrom, validTo, verified });
    };
    const certCreated = (validFrom: string) => maxMs(createdMs + HOUR / 2, at(addDays(validFrom, certRng.int(3, 20)), 10, certRng.int(0, 59)));
    const entVerified = verification === 'verified';
    const districtTail = park.districtCode.slice(3);
    if (demo) {
      addCert('high_tech', 'GR202344001856', '2023-12-28', '2026-12-27', true, createdMs + HOUR / 2);
      addCert('tech_sme', '202544060501872', '2025-04-16', '2025-12-31', true, createdMs + HOUR);
      addCert('tech_sme', '202644060502143', '2026-04-20', '2026-12-31', true, at('2026-04-24', 11, 5));
      addCert('specialized_sme', 'GDZJTX20240357', '2024-03-15', '2027-03-14', true, createdMs + HOUR);
      addCert('gazelle', 'FSDL2026031', '2026-10-30', '2028-10-29', false, at('2026-11-18', 16, 20));
    } else if (verification !== 'rejected') {
      const years = yearsBetween(foundedOn, DEMO_TODAY);
      if (years >= 2 && certRng.chance(0.62)) {
        const y = certRng.pick([2023, 2024, 2025]);
        const from = `${y}-12-${certRng.int(11, 28)}`;
        addCert('high_tech', `GR${y}44${String(nextSerial('high_tech')).padStart(6, '0')}`, from, addDays(addYears(from, 3), -1), entVerified, certCreated(from));
      }
      if (certRng.chance(0.6)) {
        for (const y of [2025, 2026]) {
          if (Number(foundedOn.slice(0, 4)) >= y) continue;
          const from = `${y}-0${certRng.int(3, 6)}-${certRng.int(10, 28)}`;
          const unverifiedNew = !entVerified;
          addCert('tech_sme', `${y}4406${districtTail}0${String(nextSerial('tech_sme')).padStart(5, '0')}`, from, `${y}-12-31`, !unverifiedNew, certCreated(from));
        }
      }
      if (years >= 3 && certRng.chance(0.32)) {
        const y = certRng.pick([2023, 2024, 2025]);
        const from = `${y}-0${certRng.int(1, 9)}-${certRng.int(10, 28)}`;
        addCert('specialized_sme', `GDZJTX${y}${String(nextSerial('specialized_sme')).padStart(4, '0')}`, from, addDays(addYears(from, 3), -1), entVerified, certCreated(from));
        if (certRng.chance(0.3)) {
          const y2 = certRng.pick([2024, 2025]);
          const from2 = `${y2}-07-${certRng.int(10, 28)}`;
          addCert('little_giant', `XJR${y2}${String(nextSerial('little_giant')).padStart(4, '0')}`, from2, addDays(addYears(from2, 3), -1), entVerified, certCreated(from2));
        }
      }
      if (certRng.chance(0.12)) {
        const from = `2025-09-${certRng.int(10, 28)}`;
        addCert('gazelle', `FSDL2025${String(nextSerial('gazelle')).padStart(3, '0')}`, from, addDays(addYears(from, 2), -1), entVerified, certCreated(from));
      }
      if (certRng.chance(0.05)) {
        const kind = certRng.chance(0.6) ? 'seed_unicorn' : 'potential_unicorn';
        const from = `2025-11-${certRng.int(10, 28)}`;
        addCert(kind, `FS${kind === 'seed_unicorn' ? 'ZZ' : 'QZ'}2025${String(nextSerial(kind)).padStart(3, '0')}`, from, addDays(addYears(from, 1), -1), entVerified, certCreated(from));
      }
      // A certificate just uploaded, waiting for an admin.
      if (entVerified && certRng.chance(0.1) && !ent.certs.some((c) => c.kind === 'gazelle')) {
        const from = '2026-10-30';
        addCert('gazelle', `FSDL2026${String(nextSerial('gazelle')).padStart(3, '0')}`, from, addDays(addYears(from, 2), -1), false, at(randomDate(certRng, '2026-11-10', '2026-11-19'), 15, certRng.int(0, 59)));
      }
    }

    // ---- IP assets
    ent.ip = demo ? demoSmeIp(ent, ctx) : generateIp(ipRng, ent, ctx);
    ctx.rows.ipAssets.push(...ent.ip);
  }
}

function patentDigits(year: number, type: '1' | '2' | '3', serial: number): string {
  return `${year}${type}${String(serial).padStart(7, '0')}`;
}

function ipRow(ent: Ent, kind: IpRow['kind'], number: string, title: string, extra: Partial<IpRow>): IpRow {
  return {
    id: seedUuid('ip', `${ent.n}:${kind}:${number}`),
    enterpriseId: ent.id,
    kind,
    number,
    title,
    owners: [ent.name],
    inForce: true,
    feesPaid: true,
    status: 'free',
    createdAt: date(ent.createdMs + 2 * HOUR),
    updatedAt: date(ent.createdMs + 2 * HOUR),
    ...extra,
  };
}

function demoSmeIp(ent: Ent, ctx: Ctx): IpRow[] {
  const patent = (digits: string) => {
    ctx.patentNumbers.add(digits);
    return withPatentCheckChar(digits);
  };
  return [
    ipRow(ent, 'invention', patent('201910345678'), '一种基于机器视觉的工业机器人焊缝跟踪方法', {
      grantDate: '2021-06-22', expiryDate: '2039-03-12', valuationFen: wan(1200), appraiser: APPRAISERS[0], valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'invention', patent('202110582341'), '一种多关节协作机器人的柔性力控装置', {
      grantDate: '2023-09-15', expiryDate: '2041-07-08', valuationFen: wan(680), appraiser: APPRAISERS[0], valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'invention', patent('202210226715'), '一种伺服压装设备的压力位移在线监测方法', {
      owners: [ent.name, '华南理工大学'], grantDate: '2024-05-10', expiryDate: '2042-02-25',
    }),
    ipRow(ent, 'utility_model', patent('202220913457'), '一种快换式机器人末端夹具', { grantDate: '2022-09-27', expiryDate: '2032-04-19' }),
    ipRow(ent, 'utility_model', patent('202321047788'), '一种伺服电缸的散热结构', { grantDate: '2023-10-20', expiryDate: '2033-05-06' }),
    ipRow(ent, 'design', patent('202330162904'), '协作机器人（六轴）', { grantDate: '2023-08-11', expiryDate: '2038-03-21' }),
    ipRow(ent, 'trademark', '第36512874号', '科睿 KERUI（第7类）', {
      grantDate: '2019-10-14', expiryDate: '2029-10-13', valuationFen: wan(260), appraiser: APPRAISERS[2], valuedOn: '2026-04-28',
    }),
    ipRow(ent, 'trademark', '第58219036号', '科睿智造（第9类）', { grantDate: '2022-01-21', expiryDate: '2032-01-20' }),
    ipRow(ent, 'software_copyright', '2023SR0516783', '科睿设备远程运维管理系统V2.0', { grantDate: '2023-04-26', expiryDate: '2073-12-31' }),
    ipRow(ent, 'software_copyright', '2024SR1203359', '科睿焊接工艺数据库软件V1.0', { grantDate: '2024-08-09', expiryDate: '2074-12-31' }),
  ];
}

function generateIp(rng: Rng, ent: Ent, ctx: Ctx): IpRow[] {
  const out: IpRow[] = [];
  const foundedYear = Number(ent.foundedOn.slice(0, 4));
  const young = foundedYear >= 2022;
  const software = ent.line === 'software';
  const count = {
    invention: young ? rng.int(0, 1) : software ? rng.int(0, 2) : rng.int(1, 5),
    utility_model: software ? rng.int(0, 2) : rng.int(1, 7),
    design: ent.line === 'machine' || ent.line === 'electronic' ? rng.int(0, 2) : rng.int(0, 1),
    trademark: rng.int(1, 3),
    software_copyright: software ? rng.int(2, 5) : rng.int(0, 2),
    work_copyright: rng.chance(0.08) ? 1 : 0,
  };
  const coOwner = () => (rng.chance(0.15) ? [ent.name, rng.pick(UNIVERSITIES)] : [ent.name]);
  const usedTitles = new Set<string>();
  const title = (list: readonly string[]) => {
    const free = list.filter((t) => !usedTitles.has(t));
    const t = rng.pick(free.length ? free : list);
    usedTitles.add(t);
    return t;
  };
  const patent = (type: '1' | '2' | '3', kind: 'invention' | 'utility_model' | 'design', minYear: number, lagMonths: [number, number]) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const year = rng.int(Math.max(foundedYear, minYear), 2025);
      const app = randomDate(rng, `${year}-01-05`, `${year}-12-28`);
      const grant = addMonths(app, rng.int(lagMonths[0], lagMonths[1]));
      if (grant > '2026-10-30' || app < ent.foundedOn) continue;
      const digits = patentDigits(year, type, kind === 'invention' ? rng.int(10_000, 1_999_999) : rng.int(200_000, 3_999_999));
      if (ctx.patentNumbers.has(digits)) continue;
      ctx.patentNumbers.add(digits);
      const termYears = kind === 'invention' ? 20 : kind === 'utility_model' ? 10 : app >= '2021-06-01' ? 15 : 10;
      return { number: withPatentCheckChar(digits), grant, expiry: addYears(app, termYears) };
    }
    return null;
  };
  const valued = (p: number, lo: number, hi: number, after: string): Partial<IpRow> =>
    rng.chance(p)
      ? {
          valuationFen: wan(round10(rng.logUniform(lo, hi))),
          appraiser: rng.pick(APPRAISERS),
          valuedOn: randomDate(rng, maxDay(after, '2025-01-10'), '2026-10-30'),
        }
      : {};
  for (let i = 0; i < count.invention; i++) {
    const p = patent('1', 'invention', 2012, [16, 40]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(
      ipRow(ent, 'invention', p.number, title(INVENTION_TITLES[ent.line]), {
        owners: coOwner(),
        grantDate: p.grant,
        expiryDate: p.expiry,
        inForce,
        feesPaid: inForce && !rng.chance(0.04),
        ...(inForce ? valued(0.6, 150, 2500, p.grant) : {}),
      }),
    );
  }
  for (let i = 0; i < count.utility_model; i++) {
    const p = patent('2', 'utility_model', 2013, [5, 12]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(
      ipRow(ent, 'utility_model', p.number, title(UTILITY_TITLES[ent.line]), {
        owners: coOwner(),
        grantDate: p.grant,
        expiryDate: p.expiry,
        inForce,
        feesPaid: inForce,
        ...(inForce ? valued(0.12, 50, 300, p.grant) : {}),
      }),
    );
  }
  for (let i = 0; i < count.design; i++) {
    const p = patent('3', 'design', 2016, [4, 10]);
    if (!p) continue;
    const inForce = p.expiry > DEMO_TODAY;
    out.push(ipRow(ent, 'design', p.number, title(DESIGN_TITLES), { grantDate: p.grant, expiryDate: p.expiry, inForce, feesPaid: inForce }));
  }
  const classes = rng.shuffle(TRADEMARK_CLASSES);
  for (let i = 0; i < count.trademark; i++) {
    const reg = randomDate(rng, maxDay(addYears(ent.foundedOn, 1), '2010-03-01'), '2026-06-30');
    let expiry = addDays(addYears(reg, 10), -1);
    if (expiry < DEMO_TODAY) expiry = addYears(expiry, 10); // renewed
    const number = `第${rng.int(6_000_000, 78_000_000)}号`;
    out.push(
      ipRow(ent, 'trademark', number, `${ent.trade}${i === 1 ? '图形商标' : ''}（第${classes[i % classes.length]}类）`, {
        grantDate: reg,
        expiryDate: expiry,
        ...valued(0.3, 100, 1200, reg),
      }),
    );
  }
  for (let i = 0; i < count.software_copyright; i++) {
    const year = rng.int(Math.max(foundedYear, 2015), 2026);
    const reg = randomDate(rng, `${year}-01-05`, year === 2026 ? '2026-10-30' : `${year}-12-28`);
    if (reg < ent.foundedOn) continue;
    out.push(
      ipRow(ent, 'software_copyright', `${year}SR${String(rng.int(100_000, 1_999_999)).padStart(7, '0')}`, `${ent.trade}${title(SOFTWARE_TITLES)}V${rng.int(1, 3)}.0`, {
        grantDate: reg,
        expiryDate: `${year + 50}-12-31`,
      }),
    );
  }
  for (let i = 0; i < count.work_copyright; i++) {
    const year = rng.int(Math.max(foundedYear, 2018), 2025);
    out.push(
      ipRow(ent, 'work_copyright', `国作登字-${year}-F-${String(rng.int(1_000_000, 19_999_999)).padStart(8, '0')}`, `${ent.trade}品牌标识设计`, {
        grantDate: randomDate(rng, `${year}-02-01`, `${year}-11-30`),
        expiryDate: `${year + 50}-12-31`,
      }),
    );
  }
  return out;
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

// ---------------------------------------------------------------- innovation inputs and scores

function buildInnovation(ctx: Ctx): void {
  const rng = rngFor('innovation');
  for (const ent of ctx.ents) {
    const revenue = Number(ent.revenueFen);
    const rnd = Number(ent.rndFen);
    const years = yearsBetween(ent.foundedOn, '2025-12-31');
    const stage: Stage =
      years < STAGE_RULES.startupMaxYears ? 'startup' : years >= STAGE_RULES.matureMinYears && revenue >= STAGE_RULES.matureMinRevenueFen ? 'mature' : 'growth';
    const highTech = ent.certs.some((c) => c.kind === 'high_tech' && c.verified);
    const inventions = ent.ip.filter((a) => a.kind === 'invention').length;
    const data: InnovationInputData =
      ent.n === 0
        ? {
            rnd_expense: rnd, rnd_growth: 1850, rnd_ratio: Math.round((rnd * 10_000) / revenue), st_staff_share: 3420,
            invention_patents: 6, pct_applications: 1, tech_contract_turnover: 320_000_000, hightech_revenue: Math.round(revenue * 0.82),
            revenue, revenue_growth: 2160, postgrad_share: 1180, rnd_super_deduction: rnd, roe: 1420, graduate_hires: 14, platforms: 2, awards: 1,
          }
        : {
            rnd_expense: rnd,
            rnd_growth: rng.int(-800, 4500),
            rnd_ratio: Math.round((rnd * 10_000) / revenue),
            st_staff_share: ent.industry === 'C' ? rng.int(1200, 4500) : rng.int(2500, 7000),
            invention_patents: inventions + rng.int(0, 4),
            pct_applications: rng.weighted([[0, 6], [1, 2], [2, 1], [3, 1]] as const),
            tech_contract_turnover: rng.chance(0.5) ? Math.round(revenue * rng.int(5, 40) / 1000) : 0,
            hightech_revenue: Math.round((revenue * (highTech ? rng.int(50, 90) : rng.int(0, 30))) / 100),
            revenue,
            revenue_growth: rng.int(-1500, 4000),
            postgrad_share: rng.int(100, 2500),
            rnd_super_deduction: rnd,
            roe: rng.int(-300, 2500),
            graduate_hires: Math.min(60, Math.round((ent.employees * rng.int(2, 12)) / 100)),
            platforms: rng.weighted([[0, 5], [1, 3], [2, 1], [3, 1]] as const),
            awards: rng.weighted([[0, 6], [1, 3], [2, 1]] as const),
          };
    const score = scoreInnovation(WEIGHT_SET_V1.weights, data, { foundedOn: ent.foundedOn, asOf: '2025-12-31', revenueFen: revenue });
    if (score.stage !== stage) throw new Error(`seed: stage ${stage} ≠ scored stage ${score.stage} for ${ent.id}`);
    const totalHundredths = score.totalHundredths;
    const breakdown = { contributions: Object.fromEntries(score.contributions.map((c) => [c.key, formatHundredths(c.points)])) };
    ent.stage = stage;
    ent.scoreHundredths = totalHundredths;
    const inputMs = maxMs(at(randomDate(rng, '2026-03-02', '2026-03-31'), rng.int(9, 17), rng.int(0, 59)), ent.createdMs + 3 * HOUR);
    const ordered = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, data[k]]));
    ctx.rows.innovationInputs.push({ enterpriseId: ent.id, period: '2025', data: ordered, updatedAt: date(inputMs) });
    ctx.rows.innovationScores.push({
      enterpriseId: ent.id,
      period: '2025',
      total: (totalHundredths / 100).toFixed(2),
      stage,
      breakdown,
      computedAt: date(inputMs + 60_000),
    });
  }
}

// ---------------------------------------------------------------- eligibility and matching
// Asked of the engines (lib/seed/engines.ts), on the rows the seed inserts.

const factsCache = new WeakMap<Ent, EnterpriseFacts>();
/** Read after buildInnovation has set the score; certificates are all made by then. */
function factsOf(ctx: Ctx, ent: Ent): EnterpriseFacts {
  let f = factsCache.get(ent);
  if (!f) {
    const row = ctx.rows.enterprises.find((r) => r.id === ent.id);
    if (!row) throw new Error(`seed: no row for enterprise ${ent.id}`);
    f = enterpriseFacts({ ...ent, parkId: row.parkId, scoreHundredths: ctx.rows.innovationScores.some((r) => r.enterpriseId === ent.id) ? ent.scoreHundredths : null });
    factsCache.set(ent, f);
  }
  return f;
}

const productRows = new WeakMap<Prod, Insert<typeof s.products>>();
/** The product on a day: its row, with the LPR of that day under an LPR-priced rate. */
function productOn(ctx: Ctx, prod: Prod, day: string): MatchProduct {
  let row = productRows.get(prod);
  if (!row) {
    row = ctx.rows.products.find((r) => r.id === prod.id);
    if (!row) throw new Error(`seed: no row for product ${prod.id}`);
    productRows.set(prod, row);
  }
  return matchProduct(row, floorRate(ctx, prod, day));
}

/** The demo's applicants and needs are all verified enterprises' (a demo choice, not an engine rule). */
function eligible(ctx: Ctx, ent: Ent, prod: Prod, day: string): boolean {
  return ent.verification === 'verified' && isEligible(productOn(ctx, prod, day), factsOf(ctx, ent), day);
}

/** Lowest annual rate a product can offer on a day (LPR + spread for LPR-priced ones). */
function floorRate(ctx: Ctx, prod: Prod, day: string): number {
  return prod.t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, day) + prod.t.rateBp[0] : prod.t.rateBp[0];
}

function ceilingRate(ctx: Ctx, prod: Prod, day: string): number {
  return prod.t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, day) + prod.t.rateBp[1] : prod.t.rateBp[1];
}

interface NeedShape {
  amountWan: number;
  termMonths: number;
  guarantee: GuaranteeMethod[];
  maxRateBp: number | null;
}

const matchNeed = (n: NeedShape): MatchNeed => ({ amountFen: wan(n.amountWan), termMonths: n.termMonths, guaranteeMethods: n.guarantee, maxRateBp: n.maxRateBp });

/** Published on the day, and a fit for the engine. */
function fits(ctx: Ctx, ent: Ent, prod: Prod, need: NeedShape, day: string): boolean {
  if (prod.publishedMs == null || dateOf(prod.publishedMs) > day) return false;
  return ent.verification === 'verified' && fitsNeed(matchNeed(need), productOn(ctx, prod, day), factsOf(ctx, ent), day);
}

function addMatch(
  ctx: Ctx,
  seen: Set<string>,
  args: { needId: string; ent: Ent; prod: Prod; need: NeedShape; day: string; source: MatchSource; status: MatchStatus; createdMs: number; updatedMs?: number; createdBy: string | null },
): void {
  const key = `${args.needId}:${args.prod.id}`;
  if (seen.has(key)) return;
  seen.add(key);
  const { score, reasons } = matchScore(matchNeed(args.need), productOn(ctx, args.prod, args.day), factsOf(ctx, args.ent), args.day, args.prod.inst.seed.responseHours);
  ctx.rows.matches.push({
    id: seedUuid('match', key),
    needId: args.needId,
    productId: args.prod.id,
    source: args.source,
    score,
    reasons,
    status: args.status,
    createdBy: args.createdBy,
    createdAt: date(args.createdMs),
    updatedAt: date(args.updatedMs ?? args.createdMs),
  });
}

const NEED_TEXT: Record<NeedPurpose, readonly string[]> = {
  working_capital: [
    '订单增长较快，需补充原材料采购和供应商货款周转资金。',
    '新签海外订单交付在即，需流动资金支持备货和生产。',
    '应收账款回款周期较长，需短期流动资金缓解周转压力。',
  ],
  equipment: [
    '拟购置五轴加工中心及工业机器人，用于产线智能化改造。',
    '计划更新检测设备和自动化装配线，提升产能约30%。',
    '购置新一代生产设备，配合大规模设备更新政策实施技改项目。',
  ],
  rnd: [
    '用于新一代产品研发投入及研发人员薪酬支出，项目已列入区级科技计划。',
    '开展关键核心技术攻关，需补充研发材料、样机试制和测试费用。',
  ],
  project: ['新建厂房及配套生产线建设，项目已完成立项备案。', '扩建智能化生产车间，项目建设周期约18个月。'],
  other: ['用于置换部分高成本融资，降低综合融资成本。'],
};

function needDescription(rng: Rng, purpose: NeedPurpose, ipCount: number): string {
  const base = rng.pick(NEED_TEXT[purpose]);
  return ipCount > 0 ? `${base}可提供${ipCount}项知识产权（专利/商标）质押。` : base;
}

function purposeFor(rng: Rng, category: ProductCategory): NeedPurpose {
  switch (category) {
    case 'equipment':
      return 'equipment';
    case 'ip_pledge':
      return rng.weighted([['rnd', 1], ['working_capital', 1]] as const);
    case 'guarantee':
      return rng.weighted([['working_capital', 2], ['project', 1]] as const);
    default:
      return rng.weighted([['working_capital', 3], ['rnd', 1]] as const);
  }
}

// ---------------------------------------------------------------- applications, loans, pledges

interface AppSpec {
  status: SeededAppStatus;
  product?: string;
  category?: ProductCategory;
  institution?: string;
  ent?: number;
  window?: [string, string];
  /** The window is a preference (spreading loans over the months), not a rule. */
  softWindow?: boolean;
  submittedMs?: number;
  amountWan?: number;
  termMonths?: number;
  repayment?: RepaymentMethodSeed;
  special?: 'compensated' | 'defaulted' | 'overdue';
  need?: 'auto' | 'none' | 'fulfilled' | 'matched' | 'withdrawn' | 'open' | 'expired';
  needCreatedMs?: number;
  needAmountWan?: number;
  pledgeNumbers?: string[];
  rejectFrom?: 'submitted' | 'accepted';
  withdrawFrom?: 'submitted' | 'accepted' | 'approved';
  distinctScheme?: boolean;
}

/** The demo seeds no application waiting for materials (yet). */
type SeededAppStatus = Exclude<AppStatus, 'materials_requested'>;
const WINDOWS: Record<SeededAppStatus, [string, string]> = {
  submitted: ['2026-11-12', '2026-11-19'],
  accepted: ['2026-10-19', '2026-11-13'],
  approved: ['2026-09-21', '2026-11-04'],
  disbursed: ['2025-01-06', '2026-10-23'],
  rejected: ['2025-01-13', '2026-11-09'],
  withdrawn: ['2025-01-13', '2026-11-11'],
};

const REJECT_REASONS: readonly [string, string][] = [
  ['insufficient_cash_flow', '近12个月经营性现金流为负，第一还款来源不足。'],
  ['high_leverage', '企业资产负债率超过70%，现有融资余额较高，暂不符合授信条件。'],
  ['credit_record', '企业征信报告显示近两年内存在逾期记录，暂不予授信。'],
  ['incomplete_documents', '申请材料不完整，经两次补充仍缺少近两年审计报告。'],
  ['policy_mismatch', '企业主营业务暂不在本产品支持范围内，建议申请其他产品。'],
];
const IP_REJECT: [string, string] = ['collateral_value', '质押知识产权评估价值不足，质押率超出本行政策上限。'];
const WITHDRAW_NOTES: readonly string[] = [
  '已获得其他银行授信，不再需要本笔贷款。',
  '项目延期，暂缓融资。',
  '申请金额需调整，撤回后重新申请。',
  '企业内部决策调整，暂不融资。',
];

function termChoices(prod: Prod): number[] {
  return [6, 12, 18, 24, 36, 48, 60].filter((m) => m >= prod.t.termMonths[0] && m <= prod.t.termMonths[1]);
}

function pledgeable(asset: IpRow, day: string, maturity: string, locked: Set<string>): boolean {
  return (
    (asset.kind === 'invention' || asset.kind === 'utility_model' || asset.kind === 'trademark') &&
    !locked.has(asset.id) &&
    asset.inForce !== false &&
    asset.feesPaid !== false &&
    asset.valuationFen != null &&
    asset.grantDate != null &&
    asset.grantDate < addDays(day, -30) &&
    asset.expiryDate != null &&
    asset.expiryDate > addYears(maturity, 1)
  );
}

function buildApplications(ctx: Ctx): void {
  const rng = rngFor('applications');
  const needRng = rngFor('needs');
  const matchSeen = new Set<string>();
  const lockedAssets = new Set<string>();

  // ---- the specs, processed in this order
  const specs: AppSpec[] = [];
  const smeNeedDay = (d: string, h: number, m: number) => at(d, h, m);
  // The demo SME's story.
  specs.push(
    { ent: 0, product: 'icbc-guarantee', status: 'disbursed', submittedMs: at('2025-03-03', 10, 12), amountWan: 600, termMonths: 12, repayment: 'equal_installment', need: 'none', distinctScheme: true },
    { ent: 0, product: 'cmb-credit', status: 'withdrawn', submittedMs: at('2025-05-20', 15, 40), amountWan: 600, termMonths: 24, need: 'withdrawn', needCreatedMs: smeNeedDay('2025-05-14', 11, 5), withdrawFrom: 'accepted' },
    { ent: 0, product: 'abc-digital', status: 'rejected', submittedMs: at('2025-08-12', 9, 35), amountWan: 300, termMonths: 12, need: 'none', rejectFrom: 'accepted' },
    { ent: 0, product: 'icbc-ip', status: 'disbursed', submittedMs: at('2026-05-11', 10, 20), amountWan: 500, termMonths: 24, repayment: 'interest_first', need: 'fulfilled', needCreatedMs: smeNeedDay('2026-05-06', 14, 30), needAmountWan: 500, pledgeNumbers: ['ZL201910345678'] },
    { ent: 0, product: 'ccb-credit', status: 'accepted', submittedMs: at('2026-11-04', 14, 5), amountWan: 500, termMonths: 24, need: 'matched', needCreatedMs: smeNeedDay('2026-11-02', 9, 50), needAmountWan: 500 },
    { ent: 0, product: 'icbc-points', status: 'submitted', submittedMs: at('2026-11-18', 16, 40), amountWan: 800, termMonths: 36, need: 'none' },
  );
  // The hard cases: an IP loan compensated by the fund, a 融担贷 loan in default, an overdue loan,
  // and an approved IP loan whose pledge is not registered yet.
  specs.push(
    { product: 'boc-ip', status: 'disbursed', special: 'compensated', window: ['2025-02-10', '2025-03-14'], termMonths: 36, repayment: 'equal_principal', distinctScheme: true, need: 'none' },
    { product: 'abc-guarantee', status: 'disbursed', special: 'defaulted', window: ['2025-03-10', '2025-04-18'], amountWan: 400, termMonths: 36, repayment: 'equal_installment', distinctScheme: true, need: 'none' },
    { product: 'cgb-equipment', status: 'disbursed', special: 'overdue', window: ['2025-05-12', '2025-07-31'], termMonths: 36, repayment: 'equal_installment', need: 'none' },
    { product: 'ccb-ip', status: 'approved', window: ['2026-10-12', '2026-10-30'], termMonths: 24, need: 'matched' },
  );
  // 融担贷: every bank with a guarantee product has enrolled loans, each to a different enterprise.
  const loanSpecs: AppSpec[] = [];
  for (const key of ['ccb-guarantee', 'boc-guarantee', 'cmb-guarantee', 'cgb-guarantee', 'fsrcb-guarantee', 'ccb-guarantee', 'boc-guarantee', 'fsrcb-guarantee']) {
    loanSpecs.push({ product: key, status: 'disbursed', distinctScheme: true });
  }
  // IP-pledge loans.
  for (const key of ['icbc-ip', 'icbc-ip', 'icbc-ip', 'ccb-ip', 'ccb-ip', 'ccb-ip', 'boc-ip', 'boc-ip', 'fsrcb-ip', 'fsrcb-ip', 'fsrcb-ip']) {
    loanSpecs.push({ product: key, status: 'disbursed', distinctScheme: true });
  }
  const otherLoans = [
    'icbc-points', 'icbc-points', 'icbc-points', 'abc-points', 'abc-points', 'cgb-points', 'cgb-points', 'sdrcb-points',
    'icbc-digital', 'icbc-digital', 'abc-digital', 'abc-digital', 'cmb-digital', 'cmb-digital', 'fsrcb-digital', 'fsrcb-digital',
    'ccb-equipment', 'ccb-equipment', 'boc-equipment', 'cgb-equipment', 'sdrcb-equipment', 'sdrcb-equipment',
    'icbc-credit', 'icbc-credit', 'ccb-credit', 'ccb-credit', 'cmb-credit', 'cmb-credit', 'sdrcb-credit', 'sdrcb-credit',
  ];
  for (const key of otherLoans) loanSpecs.push({ product: key, status: 'disbursed' });
  // Spread the loans evenly over the history, so every month of the dashboard has disbursements.
  const [from, to] = WINDOWS.disbursed;
  const span = daysBetween(from, to);
  rng.shuffle(loanSpecs).forEach((spec, i, all) => {
    const start = addDays(from, Math.floor((span * i) / all.length));
    const end = addDays(from, Math.floor((span * (i + 1)) / all.length));
    specs.push({ ...spec, window: [start, end], softWindow: true });
  });
  // The guarantee company's own product: guarantees are being arranged, none granted yet.
  specs.push({ product: 'fsguar-guarantee', status: 'accepted' }, { product: 'fsguar-guarantee', status: 'submitted' }, { product: 'fsguar-guarantee', status: 'rejected' });
  // Work in progress and closed-without-loan, every status with at least one at the demo bank.
  const pending: [SeededAppStatus, number][] = [
    ['submitted', 10],
    ['accepted', 9],
    ['approved', 5],
    ['rejected', 12],
    ['withdrawn', 7],
  ];
  for (const [status, n] of pending) {
    for (let i = 0; i < n; i++) specs.push({ status, institution: i === 0 || (i === 3 && status !== 'approved') ? DEMO_BANK_INSTITUTION : undefined });
  }

  for (const spec of specs) buildOneApplication(ctx, rng, needRng, matchSeen, lockedAssets, spec);
}

function buildOneApplication(
  ctx: Ctx,
  rng: Rng,
  needRng: Rng,
  matchSeen: Set<string>,
  lockedAssets: Set<string>,
  spec: AppSpec,
): void {
  const rows = ctx.rows;
  for (let attempt = 0; attempt < 200; attempt++) {
    // ---- product
    let prod: Prod;
    if (spec.product) prod = ctx.prods.get(spec.product)!;
    else {
      let pool = ctx.published;
      if (spec.institution) pool = pool.filter((p) => p.inst.seed.key === spec.institution);
      if (spec.category) pool = pool.filter((p) => p.t.category === spec.category);
      prod = rng.pick(pool);
    }
    if (!prod) throw new Error(`seed: unknown product ${spec.product}`);
    const t = prod.t;
    const isIp = t.category === 'ip_pledge';

    // ---- when
    const window = spec.window && !(spec.softWindow && attempt >= 40) ? spec.window : WINDOWS[spec.status];
    let submittedMs: number;
    if (spec.submittedMs != null) submittedMs = spec.submittedMs;
    else {
      const from = prod.publishedMs != null ? maxDay(window[0], addDays(dateOf(prod.publishedMs), 3)) : window[0];
      if (from > window[1]) continue;
      submittedMs = at(randomDate(rng, from, window[1]), rng.int(8, 21), rng.int(0, 59));
    }
    if (submittedMs >= DEMO_NOW) continue;
    const day = dateOf(submittedMs);
    const termMonths = spec.termMonths ?? rng.weighted(termChoices(prod).map((m) => [m, m === 12 || m === 24 ? 3 : m === 36 ? 2 : 1] as const));
    const maturityGuess = addMonths(day, termMonths + 2);

    // ---- who
    const candidates = ctx.ents.filter((e) => {
      if (spec.ent != null) return e.n === spec.ent;
      if (e.n === 0) return false; // the demo SME's applications are all spelled out above
      if (e.verifiedMs == null || e.verifiedMs + 24 * HOUR > submittedMs) return false;
      if (e.appliedProducts.has(t.key)) return false;
      if (spec.distinctScheme && prod.schemeCode && e.hasSchemeLoan) return false;
      if (isIp && (spec.status === 'disbursed' || spec.status === 'approved')) {
        const value = e.ip.filter((a) => pledgeable(a, day, maturityGuess, lockedAssets)).reduce((sum, a) => sum + toWan(a.valuationFen!), 0);
        if (value * 0.55 < t.amountWan[0]) return false;
      }
      return true;
    });
    const ok = candidates.filter((e) => eligible(ctx, e, prod, day));
    if (ok.length === 0) {
      if (spec.ent != null) throw new Error(`seed: enterprise ${spec.ent} is not eligible for ${t.key} on ${day}`);
      continue;
    }
    const ent = ok
      .map((e) => ({ e, key: e.apps + rng.next() * 1.5 }))
      .sort((a, b) => a.key - b.key)[0].e;

    // ---- how much
    let pledgeAssets: IpRow[] = [];
    let amountWan: number;
    if (isIp && (spec.status === 'disbursed' || spec.status === 'approved')) {
      pledgeAssets = spec.pledgeNumbers
        ? ent.ip.filter((a) => spec.pledgeNumbers!.some((num) => a.number.startsWith(num)))
        : ent.ip
            .filter((a) => pledgeable(a, day, maturityGuess, lockedAssets))
            .sort((a, b) => Number(b.valuationFen! - a.valuationFen!))
            .slice(0, rng.int(1, 2));
      if (pledgeAssets.length === 0) throw new Error(`seed: no pledgeable assets for ${ent.name}`);
      const value = pledgeAssets.reduce((sum, a) => sum + toWan(a.valuationFen!), 0);
      amountWan = spec.amountWan ?? clamp(round10(value * (0.3 + rng.next() * 0.25)), t.amountWan[0], t.amountWan[1]);
    } else {
      const cap = Math.max(t.amountWan[0], Math.min(t.amountWan[1], toWan(ent.revenueFen) * 0.25));
      amountWan = spec.amountWan ?? clamp(round10(rng.logUniform(t.amountWan[0], cap)), t.amountWan[0], t.amountWan[1]);
    }
    if (amountWan < t.amountWan[0] || amountWan > t.amountWan[1]) throw new Error(`seed: amount ${amountWan} outside ${t.key}`);

    // ---- the timeline
    const speed = prod.inst.seed.responseHours * (0.3 + rng.next() * 1.9);
    const acceptMs = addWorkingHours(submittedMs, speed);
    const decideMs = addWorkingDays(acceptMs, 2 + rng.next() * 8);
    const registerMs = isIp ? addWorkingDays(decideMs, 3 + rng.next() * 5) : decideMs;
    const disburseMs = addWorkingDays(registerMs, isIp ? 1 + rng.next() * 2 : 1 + rng.next() * 5);
    const rejectFrom = spec.rejectFrom ?? (rng.chance(0.6) ? 'accepted' : 'submitted');
    const withdrawFrom = spec.withdrawFrom ?? rng.weighted([['submitted', 4], ['accepted', 4], ['approved', 2]] as const);
    const steps: { to: AppStatus; ms: number; by: 'enterprise' | 'institution' }[] = [{ to: 'submitted', ms: submittedMs, by: 'enterprise' }];
    switch (spec.status) {
      case 'submitted':
        break;
      case 'accepted':
        steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' });
        break;
      case 'approved':
        steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' }, { to: 'approved', ms: decideMs, by: 'institution' });
        break;
      case 'disbursed':
        steps.push(
          { to: 'accepted', ms: acceptMs, by: 'institution' },
          { to: 'approved', ms: decideMs, by: 'institution' },
          { to: 'disbursed', ms: disburseMs, by: 'institution' },
        );
        break;
      case 'rejected':
        if (rejectFrom === 'accepted') steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' }, { to: 'rejected', ms: decideMs, by: 'institution' });
        else steps.push({ to: 'rejected', ms: addWorkingHours(submittedMs, speed * 1.5), by: 'institution' });
        break;
      case 'withdrawn': {
        if (withdrawFrom !== 'submitted') steps.push({ to: 'accepted', ms: acceptMs, by: 'institution' });
        if (withdrawFrom === 'approved') steps.push({ to: 'approved', ms: decideMs, by: 'institution' });
        const last = steps[steps.length - 1].ms;
        steps.push({ to: 'withdrawn', ms: last + Math.round((0.2 + rng.next() * 4) * 24 * HOUR), by: 'enterprise' });
        break;
      }
    }
    if (steps[steps.length - 1].ms >= DEMO_NOW) continue;
    // A submitted application is still waiting; an accepted one has no decision yet.
    if (spec.status === 'submitted' && acceptMs < DEMO_NOW && spec.submittedMs == null && rng.chance(0.5)) continue;

    // ---- accept this attempt
    ctx.appSeq++;
    const seq = ctx.appSeq;
    const appId = seedUuid('application', seq);
    ent.apps++;
    ent.appliedProducts.add(t.key);
    const stepAt = (to: AppStatus) => steps.find((st) => st.to === to)?.ms ?? null;
    const firstActionMs = steps.find((st) => st.by === 'institution')?.ms ?? null;
    const approvedMs = stepAt('approved');
    const rejectedMs = stepAt('rejected');
    const disbursedMs = stepAt('disbursed');
    const decidedMs = approvedMs ?? rejectedMs;
    let approvedAmountWan: number | null = null;
    let approvedRate: number | null = null;
    if (approvedMs != null) {
      approvedAmountWan = rng.chance(0.7) ? amountWan : Math.max(t.amountWan[0], Math.min(amountWan, round10(amountWan * (0.7 + rng.next() * 0.25))));
      const decideDay = dateOf(approvedMs);
      const lo = t.rateBp[0];
      const hi = t.rateBp[1];
      const pick = lo + Math.round((rng.next() * (hi - lo)) / 5) * 5;
      approvedRate = t.rateType === 'lpr_spread' ? lprAt(ctx.lpr, decideDay) + pick : pick;
    }
    const [rejectCode, rejectText] = isIp && rng.chance(0.5) ? IP_REJECT : rng.pick(REJECT_REASONS);
    const request = { enterpriseId: ent.id, productId: prod.id, amountFen: wan(amountWan).toString(), termMonths };
    rows.applications.push({
      id: appId,
      enterpriseId: ent.id,
      productId: prod.id,
      institutionId: prod.inst.id,
      amountFen: wan(amountWan),
      termMonths,
      status: spec.status,
      approvedAmountFen: approvedAmountWan != null ? wan(approvedAmountWan) : null,
      approvedRateBp: approvedRate,
      approvedTermMonths: approvedMs != null ? termMonths : null,
      rejectReason: spec.status === 'rejected' ? rejectText : null,
      idempotencyKey: `seed-${seq}`,
      requestHash: digest(JSON.stringify(request)),
      submittedAt: date(submittedMs),
      firstActionAt: firstActionMs != null ? date(firstActionMs) : null,
      decidedAt: decidedMs != null ? date(decidedMs) : null,
      disbursedAt: disbursedMs != null ? date(disbursedMs) : null,
      createdBy: ent.ownerId,
      updatedAt: date(steps[steps.length - 1].ms),
    });
    let prev: AppStatus | null = null;
    for (const st of steps) {
      const reason =
        st.to === 'submitted'
          ? { code: 'submitted', note: `申请${amountWan}万元，期限${termMonths}个月` }
          : st.to === 'accepted'
            ? { code: 'accepted', note: '材料齐全，已受理，进入尽职调查' }
            : st.to === 'approved'
              ? { code: 'credit_approved', note: `授信${approvedAmountWan}万元，年利率${formatRate(approvedRate!)}，期限${termMonths}个月` }
              : st.to === 'disbursed'
                ? { code: 'disbursed', note: `已放款${approvedAmountWan}万元` }
                : st.to === 'rejected'
                  ? { code: rejectCode, note: rejectText }
                  : { code: 'withdrawn_by_enterprise', note: rng.pick(WITHDRAW_NOTES) };
      rows.applicationEvents.push({
        applicationId: appId,
        actorUserId: st.by === 'enterprise' ? ent.ownerId : prod.inst.userId,
        fromStatus: prev,
        toStatus: st.to,
        reasonCode: reason.code,
        note: reason.note,
        at: date(st.ms),
      });
      prev = st.to;
    }

    // ---- pledge
    let pledgeId: string | null = null;
    const livePledge = isIp && (spec.status === 'approved' || spec.status === 'disbursed');
    if (livePledge) {
      for (const a of pledgeAssets) {
        lockedAssets.add(a.id);
        if (a.valuedOn && a.valuedOn > addDays(day, -7)) a.valuedOn = addDays(day, -rng.int(10, 40));
      }
    }

    // ---- loan
    let loanId: string | null = null;
    if (disbursedMs != null) {
      loanId = seedUuid('loan', seq);
      buildLoan(ctx, {
        loanId,
        appId,
        ent,
        prod,
        principal: wan(approvedAmountWan!),
        rate: approvedRate!,
        termMonths,
        repayment: spec.repayment ?? rng.pick(t.repayment),
        disbursedMs,
        special: spec.special,
      });
      if (prod.schemeCode) ent.hasSchemeLoan = true;
    }
    if (livePledge) {
      pledgeId = seedUuid('pledge', seq);
      const loan = loanId ? ctx.loanMeta[ctx.loanMeta.length - 1] : null;
      const pledgeStatus = !loan ? 'pending_registration' : loan.status === 'repaid' ? 'released' : loan.status === 'compensated' ? 'enforced' : 'registered';
      ctx.pledgeSeq++;
      const registeredOn = loan ? dateOf(registerMs) : null;
      const pledgeUpdatedMs = loan ? (pledgeStatus === 'released' ? at(loanEndDay(ctx, loan.loanId), 15, 0) : pledgeStatus === 'enforced' ? at('2026-06-10', 15, 0) : registerMs) : approvedMs!;
      rows.pledges.push({
        id: pledgeId,
        applicationId: appId,
        loanId,
        registrationNumber: registeredOn ? `Y${registeredOn.slice(0, 4)}44${String(1000 + ctx.pledgeSeq * 37).padStart(7, '0')}` : null,
        registeredOn,
        pledgedValueFen: pledgeAssets.reduce((sum, a) => sum + a.valuationFen!, 0n),
        status: pledgeStatus,
        createdAt: date(approvedMs!),
        updatedAt: date(pledgeUpdatedMs),
      });
      const live = pledgeStatus === 'pending_registration' || pledgeStatus === 'registered';
      for (const a of pledgeAssets) {
        rows.pledgeAssets.push({ pledgeId, ipAssetId: a.id });
        if (live) {
          a.status = 'pledged';
          a.updatedAt = date(approvedMs!);
        } else {
          a.updatedAt = date(pledgeUpdatedMs);
        }
      }
    }

    // ---- the need behind it
    let mode = spec.need ?? 'auto';
    if (mode === 'auto') {
      const p = needRng.next();
      switch (spec.status) {
        case 'disbursed':
          mode = p < 0.3 ? 'fulfilled' : 'none';
          break;
        case 'submitted':
        case 'accepted':
        case 'approved':
          mode = p < 0.45 ? 'matched' : 'none';
          break;
        case 'rejected':
          mode = p < 0.25 ? (day >= '2026-09-01' ? 'open' : 'expired') : 'none';
          break;
        case 'withdrawn':
          mode = p < 0.3 ? 'withdrawn' : 'none';
          break;
      }
    }
    if (mode !== 'none') {
      const needStatus = mode as NeedStatus;
      const needId = seedUuid('need', `app:${seq}`);
      const needCreatedMs = spec.needCreatedMs ?? roundToMinute(maxMs(ent.verifiedMs! + 2 * HOUR, submittedMs - (2 + needRng.next() * 20) * 24 * HOUR));
      const needAmountWan = spec.needAmountWan ?? Math.max(100, needRng.chance(0.7) ? amountWan : Math.ceil(amountWan / 50) * 50 + 50);
      const guarantee = [...new Set<GuaranteeMethod>([...t.guarantee, ...(needRng.chance(0.3) ? (['credit'] as const) : [])])];
      const priceCeiling = ceilingRate(ctx, prod, day);
      const shape: NeedShape = {
        amountWan: needAmountWan,
        termMonths,
        guarantee,
        maxRateBp: needRng.chance(0.4) ? null : Math.max(approvedRate ?? 0, priceCeiling - needRng.int(0, 4) * 10),
      };
      const purpose = purposeFor(needRng, t.category);
      // Who brought need and product together.
      let source: MatchSource = needRng.weighted([['engine', 45], ['institution', 30], ['enterprise', 25]] as const);
      let matchMs = needCreatedMs + 60_000;
      if (source === 'institution') {
        const instMs = addWorkingHours(needCreatedMs, prod.inst.seed.responseHours * (0.5 + needRng.next()));
        if (instMs < submittedMs - HOUR) matchMs = instMs;
        else source = 'engine';
      } else if (source === 'enterprise') matchMs = submittedMs - 10 * 60_000;
      // The first thing an institution did about the need: showed interest, or acted on the application.
      const firstInstitutionMs = source === 'institution' ? matchMs : firstActionMs;
      const endMs =
        needStatus === 'fulfilled'
          ? disbursedMs!
          : needStatus === 'withdrawn'
            ? stepAt('withdrawn') ?? submittedMs
            : needStatus === 'matched'
              ? submittedMs
              : needStatus === 'expired'
                ? at(addDays(dateOf(needCreatedMs), 91), 0, 5)
                : rejectedMs ?? submittedMs;
      const ipLinks = t.guarantee.includes('pledge') ? (pledgeAssets.length ? pledgeAssets : ent.ip.filter((a) => pledgeable(a, day, maturityGuess, lockedAssets)).slice(0, 2)) : [];
      rows.financingNeeds.push({
        id: needId,
        enterpriseId: ent.id,
        amountFen: wan(needAmountWan),
        termMonths,
        purpose,
        guaranteeMethods: guarantee,
        maxRateBp: shape.maxRateBp,
        wantedBy: addDays(dateOf(needCreatedMs), needStatus === 'expired' ? 90 : needRng.int(30, 90)),
        description: needDescription(needRng, purpose, ipLinks.length),
        status: needStatus,
        firstInstitutionActionAt: firstInstitutionMs != null ? date(firstInstitutionMs) : null,
        createdAt: date(needCreatedMs),
        updatedAt: date(minMs(endMs, DEMO_NOW - HOUR)),
      });
      ent.needs++;
      if (needStatus === 'open') ent.openNeeds++;
      for (const a of ipLinks) rows.needIpAssets.push({ needId, ipAssetId: a.id });
      addMatch(ctx, matchSeen, {
        needId,
        ent,
        prod,
        need: shape,
        day: dateOf(needCreatedMs),
        source,
        status: 'applied',
        createdMs: matchMs,
        updatedMs: submittedMs,
        createdBy: source === 'engine' ? null : source === 'institution' ? prod.inst.userId : ent.ownerId,
      });
      // The engine's other suggestions for the same need.
      const others = ctx.published.filter((p) => p.id !== prod.id && fits(ctx, ent, p, shape, dateOf(needCreatedMs)));
      for (const other of needRng.shuffle(others).slice(0, needRng.int(0, 2))) {
        addMatch(ctx, matchSeen, {
          needId,
          ent,
          prod: other,
          need: shape,
          day: dateOf(needCreatedMs),
          source: 'engine',
          status: needStatus === 'open' || needStatus === 'matched' ? 'suggested' : 'declined',
          createdMs: needCreatedMs + 60_000,
          updatedMs: needStatus === 'open' || needStatus === 'matched' ? needCreatedMs + 60_000 : endMs,
          createdBy: null,
        });
      }
      rows.applications[rows.applications.length - 1].needId = needId;
    }
    return;
  }
  throw new Error(`seed: could not place application ${JSON.stringify(spec)}`);
}

function loanEndDay(ctx: Ctx, loanId: string): string {
  const loan = ctx.rows.loans.find((l) => l.id === loanId)!;
  return loan.maturesOn;
}

interface LoanArgs {
  loanId: string;
  appId: string;
  ent: Ent;
  prod: Prod;
  principal: bigint;
  rate: number;
  termMonths: number;
  repayment: RepaymentMethodSeed;
  disbursedMs: number;
  special?: 'compensated' | 'defaulted' | 'overdue';
}

function buildLoan(ctx: Ctx, a: LoanArgs): void {
  const disbursedOn = dateOf(a.disbursedMs);
  const maturesOn = addMonths(disbursedOn, a.termMonths);
  // Instalments due before today are paid (today's are recorded later in the day, after the demo's "now").
  const due = monthsBetween(disbursedOn, addDays(DEMO_TODAY, -1));
  let paidMonths = Math.min(due, a.termMonths);
  let status: LoanStatus = paidMonths >= a.termMonths ? 'repaid' : 'active';
  let defaultedOn: string | undefined;
  if (a.special === 'overdue') {
    paidMonths = Math.max(1, due - 2);
    status = 'overdue';
  } else if (a.special === 'defaulted') {
    paidMonths = 12;
    status = 'defaulted';
    defaultedOn = addMonths(disbursedOn, 15);
  } else if (a.special === 'compensated') {
    paidMonths = 9;
    status = 'compensated';
    defaultedOn = addMonths(disbursedOn, 12);
  }
  const r = a.rate / 10_000 / 12;
  const n = a.termMonths;
  const P = Number(a.principal);
  const annuity = (P * r) / (1 - (1 + r) ** -n);
  let out = P;
  let lastPaid = disbursedOn;
  let sinceInterest = 0;
  for (let i = 1; i <= paidMonths; i++) {
    const paidOn = addMonths(disbursedOn, i);
    const interest = Math.round(out * r);
    let principal = 0;
    let interestDue = interest;
    switch (a.repayment) {
      case 'equal_installment':
        principal = i === n ? out : Math.min(out, Math.round(annuity) - interest);
        break;
      case 'equal_principal':
        principal = i === n ? out : Math.min(out, Math.round(P / n));
        break;
      case 'interest_first':
        principal = i === n ? out : 0;
        break;
      case 'bullet':
        sinceInterest += interest;
        interestDue = i % 3 === 0 || i === n ? sinceInterest : 0;
        if (interestDue > 0) sinceInterest = 0;
        principal = i === n ? out : 0;
        break;
    }
    if (principal === 0 && interestDue === 0) continue;
    out -= principal;
    lastPaid = paidOn;
    ctx.rows.loanRepayments.push({
      id: seedUuid('repayment', `${a.loanId}:${i}`),
      loanId: a.loanId,
      paidOn,
      principalFen: BigInt(principal),
      interestFen: BigInt(interestDue),
      recordedBy: a.prod.inst.userId,
      createdAt: date(at(paidOn, 16, 30)),
    });
  }
  const outstanding = BigInt(out);
  if (status === 'repaid' && outstanding !== 0n) throw new Error('seed: repaid loan with outstanding principal');
  const updatedDay = status === 'compensated' ? '2026-06-10' : status === 'defaulted' ? defaultedOn! : status === 'overdue' ? addMonths(lastPaid, 1) : lastPaid;
  ctx.rows.loans.push({
    id: a.loanId,
    applicationId: a.appId,
    enterpriseId: a.ent.id,
    institutionId: a.prod.inst.id,
    productId: a.prod.id,
    principalFen: a.principal,
    annualRateBp: a.rate,
    termMonths: a.termMonths,
    repaymentMethod: a.repayment,
    disbursedOn,
    maturesOn,
    disbursedAt: date(a.disbursedMs),
    status,
    outstandingFen: outstanding,
    createdAt: date(a.disbursedMs),
    updatedAt: date(minMs(maxMs(a.disbursedMs, at(updatedDay, 17, 0)), DEMO_NOW - HOUR)),
  });
  ctx.loanMeta.push({
    loanId: a.loanId,
    appId: a.appId,
    ent: a.ent,
    prod: a.prod,
    principal: a.principal,
    outstanding,
    status,
    disbursedMs: a.disbursedMs,
    defaultedOn,
  });
  // Loans of scheme products are enrolled (报项目) a few working days after disbursement.
  if (a.prod.schemeCode) {
    const enrolmentId = seedUuid('enrolment', a.loanId);
    const enrolledMs = minMs(addWorkingDays(a.disbursedMs, 2 + (a.termMonths % 4)), DEMO_NOW - HOUR);
    ctx.rows.schemeEnrolments.push({
      id: enrolmentId,
      schemeId: ctx.schemeIds.get(a.prod.schemeCode)!,
      loanId: a.loanId,
      enrolledAt: date(enrolledMs),
      enrolledBy: a.prod.inst.userId,
    });
    ctx.enrolmentsByLoan.set(a.loanId, { id: enrolmentId, schemeCode: a.prod.schemeCode });
  }
}

// ---------------------------------------------------------------- needs nobody applied for (yet)

function buildStandaloneNeeds(ctx: Ctx): void {
  const rng = rngFor('standalone-needs');
  const matchSeen = new Set(ctx.rows.matches.map((m) => `${m.needId}:${m.productId}`));
  const locked = new Set(ctx.rows.pledgeAssets.map((p) => p.ipAssetId));
  type Kind = 'acted' | 'stale' | 'fresh' | 'expired' | 'withdrawn';
  interface Spec {
    kind: Kind;
    ent?: number;
    createdMs?: number;
    amountWan?: number;
    termMonths?: number;
    purpose?: NeedPurpose;
    guarantee?: GuaranteeMethod[];
    maxRateBp?: number | null;
    ipNumbers?: string[];
    institution?: string;
  }
  const specs: Spec[] = [
    // The demo SME: one need a bank has already picked up, one posted this week.
    { kind: 'acted', ent: 0, createdMs: at('2026-10-26', 9, 40), amountWan: 1000, termMonths: 24, purpose: 'rnd', guarantee: ['pledge', 'credit'], maxRateBp: 420, ipNumbers: ['ZL202110582341'], institution: 'cmb' },
    { kind: 'fresh', ent: 0, createdMs: at('2026-11-18', 9, 45), amountWan: 800, termMonths: 36, purpose: 'equipment', guarantee: ['mortgage', 'guarantee'], maxRateBp: null },
  ];
  const plan: [Kind, number][] = [
    ['acted', 12],
    ['stale', 7],
    ['fresh', 5],
    ['expired', 3],
    ['withdrawn', 2],
  ];
  for (const [kind, n] of plan) for (let i = 0; i < n; i++) specs.push({ kind });

  const windows: Record<Kind, [string, string]> = {
    acted: ['2026-08-24', '2026-11-12'],
    stale: ['2026-10-12', '2026-11-12'], // > 3 working days before 2026-11-20 without any action
    fresh: ['2026-11-18', '2026-11-19'],
    expired: ['2025-03-03', '2025-11-28'],
    withdrawn: ['2025-05-05', '2026-08-28'],
  };
  let seq = 0;
  for (const spec of specs) {
    let placed = false;
    for (let attempt = 0; attempt < 200 && !placed; attempt++) {
      const createdMs = spec.createdMs ?? at(randomDate(rng, ...windows[spec.kind]), rng.int(8, 20), rng.int(0, 59));
      if (createdMs >= DEMO_NOW) continue;
      const day = dateOf(createdMs);
      const pool = ctx.ents.filter((e) =>
        spec.ent != null
          ? e.n === spec.ent
          : e.n !== 0 && e.verification === 'verified' && e.verifiedMs! + 24 * HOUR < createdMs && (spec.kind === 'expired' || spec.kind === 'withdrawn' || e.openNeeds === 0),
      );
      if (pool.length === 0) continue;
      const ent = pool.map((e) => ({ e, key: e.needs + rng.next() * 1.5 })).sort((a, b) => a.key - b.key)[0].e;
      const purpose = spec.purpose ?? rng.weighted([['working_capital', 5], ['equipment', 2], ['rnd', 2], ['project', 1], ['other', 1]] as const);
      const amountWan = spec.amountWan ?? Math.max(100, Math.round(rng.logUniform(100, 3000) / 50) * 50);
      const termMonths = spec.termMonths ?? rng.weighted([[12, 4], [24, 3], [36, 2]] as const);
      const termEnd = addMonths(day, termMonths + 2);
      const ipCandidates = ent.ip.filter((a) => pledgeable(a, day, termEnd, locked));
      let guarantee = spec.guarantee;
      if (!guarantee) {
        const g = new Set<GuaranteeMethod>([rng.weighted([['credit', 4], ['guarantee', 3], ['mortgage', 2]] as const)]);
        if (purpose === 'equipment') g.add('mortgage');
        if (ipCandidates.length && rng.chance(0.5)) g.add('pledge');
        if (rng.chance(0.3)) g.add('guarantee');
        guarantee = [...g];
      }
      const maxRateBp = spec.maxRateBp !== undefined ? spec.maxRateBp : rng.chance(0.4) ? null : rng.int(38, 48) * 10;
      const shape: NeedShape = { amountWan, termMonths, guarantee, maxRateBp };
      const fitting = ctx.published.filter((p) => fits(ctx, ent, p, shape, day));
      if (spec.kind === 'acted' && fitting.length === 0) continue;
      const acting = spec.institution ? fitting.find((p) => p.inst.seed.key === spec.institution) : rng.pick(fitting.length ? fitting : [undefined]);
      if (spec.kind === 'acted' && !acting) continue;
      const actedExpired = spec.kind === 'expired' && acting && rng.chance(0.5);
      let actionMs: number | null = null;
      if ((spec.kind === 'acted' || actedExpired) && acting) {
        actionMs = addWorkingHours(createdMs, acting.inst.seed.responseHours * (0.5 + rng.next() * 2));
        if (actionMs >= DEMO_NOW - HOUR) continue;
      }
      if (spec.kind === 'stale' && workingDaysBetween(day, DEMO_TODAY) <= 3) continue;

      seq++;
      const needId = seedUuid('need', `standalone:${seq}`);
      const status: NeedStatus = spec.kind === 'expired' ? 'expired' : spec.kind === 'withdrawn' ? 'withdrawn' : 'open';
      const wantedBy = spec.kind === 'expired' ? addDays(day, rng.int(45, 90)) : addDays(day, rng.int(30, 120));
      const endMs = status === 'expired' ? at(addDays(wantedBy, 1), 0, 5) : status === 'withdrawn' ? createdMs + rng.int(5, 40) * 24 * HOUR : (actionMs ?? createdMs);
      const ipLinks = guarantee.includes('pledge')
        ? spec.ipNumbers
          ? ent.ip.filter((a) => spec.ipNumbers!.some((num) => a.number.startsWith(num)))
          : ipCandidates.slice(0, rng.int(1, 2))
        : [];
      ctx.rows.financingNeeds.push({
        id: needId,
        enterpriseId: ent.id,
        amountFen: wan(amountWan),
        termMonths,
        purpose,
        guaranteeMethods: guarantee,
        maxRateBp,
        wantedBy,
        description: needDescription(rng, purpose, ipLinks.length),
        status,
        firstInstitutionActionAt: actionMs != null ? date(actionMs) : null,
        createdAt: date(createdMs),
        updatedAt: date(minMs(endMs, DEMO_NOW - HOUR)),
      });
      ent.needs++;
      if (status === 'open') ent.openNeeds++;
      for (const a of ipLinks) ctx.rows.needIpAssets.push({ needId, ipAssetId: a.id });
      // Engine suggestions at posting time, the acting institution's interest afterwards.
      for (const p of rng.shuffle(fitting).slice(0, rng.int(spec.kind === 'stale' ? 0 : 1, 3))) {
        if (acting && p.id === acting.id && actionMs != null) continue;
        addMatch(ctx, matchSeen, {
          needId, ent, prod: p, need: shape, day, source: 'engine',
          status: status === 'open' ? 'suggested' : 'declined',
          createdMs: createdMs + 60_000,
          updatedMs: status === 'open' ? createdMs + 60_000 : endMs,
          createdBy: null,
        });
      }
      if (acting && actionMs != null) {
        addMatch(ctx, matchSeen, {
          needId, ent, prod: acting, need: shape, day, source: 'institution',
          status: status === 'open' ? 'contacted' : 'declined',
          createdMs: actionMs,
          updatedMs: status === 'open' ? actionMs : endMs,
          createdBy: acting.inst.userId,
        });
      }
      placed = true;
    }
    if (!placed) throw new Error(`seed: could not place need ${JSON.stringify(spec)}`);
  }
}

// ---------------------------------------------------------------- claims and scheme balances

function buildClaims(ctx: Ctx): void {
  const schemeRow = (code: string) => ctx.rows.riskSchemes.find((r) => r.code === code)!;
  for (const loan of ctx.loanMeta) {
    if (loan.status !== 'compensated' && loan.status !== 'defaulted') continue;
    const enrolment = ctx.enrolmentsByLoan.get(loan.loanId);
    if (!enrolment) throw new Error('seed: defaulted loan without enrolment');
    const scheme = schemeRow(enrolment.schemeCode);
    const loss = loan.outstanding;
    const byShare = (BigInt(scheme.shareFundBp) * loss) / 10_000n;
    const paid = loan.status === 'compensated';
    const filedMs = paid ? at('2026-04-15', 10, 0) : at('2026-10-20', 14, 30);
    // The balance on the day it is paid: contributions so far minus earlier payouts.
    const balance = scheme.balanceFen as bigint;
    let compensation = byShare;
    if (compensation > scheme.capPerLoanFen) compensation = scheme.capPerLoanFen;
    if (compensation > balance) compensation = balance;
    ctx.rows.claims.push({
      id: seedUuid('claim', loan.loanId),
      enrolmentId: enrolment.id,
      lossFen: loss,
      compensationFen: compensation,
      status: paid ? 'paid' : 'filed',
      filedBy: loan.prod.inst.userId,
      filedAt: date(filedMs),
      decidedBy: paid ? ADMIN_ID : null,
      decidedAt: paid ? date(at('2026-05-20', 11, 0)) : null,
      paidAt: paid ? date(at('2026-06-10', 15, 0)) : null,
    });
    if (paid) scheme.balanceFen = balance - compensation;
  }
}

// ---------------------------------------------------------------- consents

function buildConsents(ctx: Ctx): void {
  const latest = new Map<string, { enterpriseId: string; institutionId: string; ms: number }>();
  for (const app of ctx.rows.applications) {
    const key = `${app.enterpriseId}:${app.institutionId}`;
    const ms = (app.submittedAt as Date).getTime();
    const cur = latest.get(key);
    if (!cur || ms > cur.ms) latest.set(key, { enterpriseId: app.enterpriseId, institutionId: app.institutionId, ms });
  }
  for (const [key, c] of latest) {
    const granted = dateOf(c.ms);
    const expiresMs = c.ms + daysBetween(granted, addYears(granted, 1)) * 24 * HOUR;
    ctx.rows.consents.push({
      id: seedUuid('consent', key),
      enterpriseId: c.enterpriseId,
      institutionId: c.institutionId,
      scope: ['financials', 'documents', 'ip_valuations'],
      source: 'application',
      grantedAt: date(c.ms),
      expiresAt: date(expiresMs),
    });
  }
}

// ---------------------------------------------------------------- notifications

function buildNotifications(ctx: Ctx): void {
  const rows = ctx.rows;
  const entById = new Map(ctx.ents.map((e) => [e.id, e]));
  const prodById = new Map([...ctx.prods.values()].map((p) => [p.id, p]));
  const appById = new Map(rows.applications.map((a) => [a.id!, a]));
  const readAfter = (ms: number, days: number) => (DEMO_NOW - ms > days * 24 * HOUR ? date(ms + 5 * HOUR) : null);
  for (const ev of rows.applicationEvents) {
    const app = appById.get(ev.applicationId)!;
    const ent = entById.get(app.enterpriseId)!;
    const prod = prodById.get(app.productId)!;
    const ms = (ev.at as Date).getTime();
    const amount = toWan(app.amountFen);
    if (ev.toStatus === 'submitted') {
      rows.notifications.push({
        institutionId: app.institutionId,
        kind: 'application.submitted',
        title: `新的融资申请：${ent.name}`,
        body: `${ent.name}申请「${prod.t.name}」${amount}万元，期限${app.termMonths}个月。`,
        entity: 'application',
        entityId: app.id,
        readAt: readAfter(ms, 3),
        createdAt: date(ms),
      });
      continue;
    }
    if (ev.toStatus === 'withdrawn') {
      rows.notifications.push({
        institutionId: app.institutionId,
        kind: 'application.withdrawn',
        title: `申请已撤回：${ent.name}`,
        body: `${ent.name}撤回了「${prod.t.name}」的申请。`,
        entity: 'application',
        entityId: app.id,
        readAt: readAfter(ms, 2),
        createdAt: date(ms),
      });
      continue;
    }
    const titles: Partial<Record<AppStatus, string>> = {
      accepted: '申请已受理',
      approved: '授信已批复',
      disbursed: '贷款已发放',
      rejected: '申请未通过',
    };
    rows.notifications.push({
      userId: ent.ownerId,
      kind: `application.${ev.toStatus}`,
      title: `${titles[ev.toStatus]}：${prod.t.name}`,
      body: `${prod.inst.seed.name}：${ev.note ?? ''}`,
      entity: 'application',
      entityId: app.id,
      readAt: readAfter(ms, ent.n === 0 ? 1 : 5),
      createdAt: date(ms),
    });
  }
  const sme = ctx.ents[0];
  const smeOpen = rows.financingNeeds.find((n) => n.enterpriseId === sme.id && n.status === 'open' && n.firstInstitutionActionAt != null)!;
  rows.notifications.push(
    {
      userId: sme.ownerId,
      kind: 'need.institution_interest',
      title: '招商银行佛山分行关注了您的融资需求',
      body: '您发布的1000万元研发投入需求与「招行科技成长贷」匹配，客户经理将与您联系。',
      entity: 'financing_need',
      entityId: smeOpen.id,
      createdAt: smeOpen.firstInstitutionActionAt as Date,
    },
    {
      userId: sme.ownerId,
      kind: 'product.recommended',
      title: '新产品推荐：工银科创积分贷',
      body: '根据您的企业创新积分，您符合「工银科创积分贷」的申请条件，园区专属额度，可享贴息。',
      entity: 'product',
      entityId: ctx.prods.get('icbc-points')!.id,
      readAt: date(at('2026-11-18', 16, 30)),
      createdAt: date(at('2026-11-17', 10, 0)),
    },
    {
      enterpriseId: sme.id,
      kind: 'certification.pending',
      title: '认证材料待审核：瞪羚企业',
      body: '您提交的瞪羚企业认定证书已进入管理员审核队列，审核通过后将计入产品匹配。',
      entity: 'enterprise',
      entityId: sme.id,
      createdAt: date(at('2026-11-18', 16, 21)),
    },
  );
  // For the admins: institutions and enterprises to verify, stale needs, claims.
  const pendingInst = ctx.insts.get('cmbc')!;
  rows.notifications.push({
    toAdmins: true,
    kind: 'institution.pending',
    title: `新机构入驻申请：${pendingInst.seed.name}`,
    body: '请核验机构资质、统一社会信用代码与联系人信息。',
    entity: 'institution',
    entityId: pendingInst.id,
    createdAt: date(pendingInst.joinedMs),
  });
  for (const ent of ctx.ents.filter((e) => e.verification === 'unverified')) {
    rows.notifications.push({
      toAdmins: true,
      kind: 'enterprise.pending',
      title: `企业认证待审核：${ent.name}`,
      body: ctx.rows.enterprises.find((r) => r.id === ent.id)!.usccCheckOverridden
        ? '企业确认统一社会信用代码与营业执照一致（校验位未通过），请人工核验。'
        : '请核验营业执照及企业基本信息。',
      entity: 'enterprise',
      entityId: ent.id,
      createdAt: date(ent.createdMs),
    });
  }
  for (const need of rows.financingNeeds) {
    if (need.status !== 'open' || need.firstInstitutionActionAt != null) continue;
    const createdMs = (need.createdAt as Date).getTime();
    const flagMs = addWorkingDays(createdMs, 3);
    if (flagMs >= DEMO_NOW) continue;
    const ent = entById.get(need.enterpriseId)!;
    rows.notifications.push({
      toAdmins: true,
      kind: 'need.stale',
      title: `融资需求超过3个工作日无机构响应：${ent.name}`,
      body: `${toWan(need.amountFen)}万元，期限${need.termMonths}个月，发布于${dateOf(createdMs)}。`,
      entity: 'financing_need',
      entityId: need.id,
      createdAt: date(flagMs),
    });
  }
  for (const claim of rows.claims) {
    const filedMs = (claim.filedAt as Date).getTime();
    rows.notifications.push({
      toAdmins: true,
      kind: claim.status === 'paid' ? 'claim.paid' : 'claim.filed',
      title: claim.status === 'paid' ? '风险补偿款已拨付' : '新的风险补偿申请待审核',
      body: `损失本金${toWan(claim.lossFen)}万元，应补偿${toWan(claim.compensationFen)}万元。`,
      entity: 'claim',
      entityId: claim.id,
      readAt: claim.status === 'paid' ? date(at('2026-06-10', 16, 0)) : null,
      createdAt: date(claim.status === 'paid' ? at('2026-06-10', 15, 0) : filedMs),
    });
  }
}

// ---------------------------------------------------------------- audit trail (append-only)

function buildAudit(ctx: Ctx): void {
  const rows = ctx.rows;
  const push = (ms: number, actor: string, role: string, org: string | null, action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
    rows.auditEvents.push({
      actorUserId: actor,
      actorRole: role,
      organisationId: org,
      action,
      entity,
      entityId,
      before: before ?? null,
      after: after ?? null,
      requestId: `seed-${rows.auditEvents.length + 1}`,
      at: date(ms),
    });
  push(at('2025-01-02', 10, 0), ADMIN_ID, 'admin', null, 'innovation_weight_set.publish', 'innovation_weight_set', '1', null, { version: 1 });
  for (const inst of ctx.insts.values()) {
    if (inst.seed.status === 'pending') continue;
    push(addWorkingHours(inst.joinedMs, 6), ADMIN_ID, 'admin', null, 'institution.approve', 'institution', inst.id, { status: 'pending' }, { status: 'active' });
    if (inst.seed.status === 'suspended')
      push(at('2026-09-15', 15, 20), ADMIN_ID, 'admin', null, 'institution.suspend', 'institution', inst.id, { status: 'active' }, { status: 'suspended' });
  }
  for (const ent of ctx.ents) {
    if (ent.verifiedMs == null) continue;
    push(ent.verifiedMs, ADMIN_ID, 'admin', null, ent.verification === 'verified' ? 'enterprise.verify' : 'enterprise.reject', 'enterprise', ent.id, { verificationStatus: 'unverified' }, { verificationStatus: ent.verification });
  }
  for (const p of ctx.prods.values()) {
    if (p.publishedMs == null) continue;
    push(p.publishedMs, p.inst.userId, 'institution', p.inst.id, 'product.publish', 'product', p.id, { status: 'draft' }, { status: 'published' });
    if (p.t.status === 'suspended')
      push(at('2026-09-15', 15, 25), ADMIN_ID, 'admin', null, 'product.suspend', 'product', p.id, { status: 'published' }, { status: 'suspended' });
    if (p.t.status === 'archived')
      push(at('2025-03-05', 11, 0), p.inst.userId, 'institution', p.inst.id, 'product.archive', 'product', p.id, { status: 'published' }, { status: 'archived' });
  }
  for (const c of rows.schemeContributions) {
    push((c.createdAt as Date).getTime(), ADMIN_ID, 'admin', null, 'scheme.contribute', 'risk_scheme', c.schemeId, null, { amountFen: String(c.amountFen), contributedOn: c.contributedOn });
  }
  for (const claim of rows.claims) {
    const loan = ctx.loanMeta.find((l) => ctx.enrolmentsByLoan.get(l.loanId)?.id === claim.enrolmentId)!;
    push((claim.filedAt as Date).getTime(), loan.prod.inst.userId, 'institution', loan.prod.inst.id, 'claim.file', 'claim', claim.id!, null, { status: 'filed', lossFen: String(claim.lossFen) });
    if (claim.status === 'paid') {
      push((claim.decidedAt as Date).getTime(), ADMIN_ID, 'admin', null, 'claim.approve', 'claim', claim.id!, { status: 'filed' }, { status: 'approved' });
      push((claim.paidAt as Date).getTime(), ADMIN_ID, 'admin', null, 'claim.pay', 'claim', claim.id!, { status: 'approved' }, { status: 'paid', compensationFen: String(claim.compensationFen) });
    }
  }
  rows.auditEvents.sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  for (const [i, e] of rows.auditEvents.entries()) e.requestId = `seed-${i + 1}`;
}
