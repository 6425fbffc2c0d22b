// The seed's shared shapes (the rows it builds, the enterprises, products and institutions it
// tracks while building) and small helpers, used by every builder.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import type * as s from '../../db/schema';
import type { CertificationKind } from '../../db/schema';
import { addDays, daysBetween } from './data/calendar';
import { GIVEN_NAMES, type productLineOf, SURNAMES } from './data/enterprises';
import type { InstitutionSeed } from './data/institutions';
import type { Stage } from './data/innovation';
import type { ParkSeed } from './data/parks';
import { type Rng, seedUuid } from './data/prng';
import type { ProductTemplate } from './data/products';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Insert<T extends PgTable> = T['$inferInsert'];
export type AppStatus = (typeof s.applicationStatus.enumValues)[number];
export type NeedStatus = (typeof s.needStatus.enumValues)[number];
export type NeedPurpose = (typeof s.needPurpose.enumValues)[number];
export type GuaranteeMethod = (typeof s.guaranteeMethod.enumValues)[number];
export type LoanStatus = (typeof s.loanStatus.enumValues)[number];
export type MatchSource = (typeof s.matchSource.enumValues)[number];
export type MatchStatus = (typeof s.matchStatus.enumValues)[number];
export type Line = ReturnType<typeof productLineOf>;

// ---------------------------------------------------------------- the rows

export interface DemoRows {
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

export type IpRow = Insert<typeof s.ipAssets> & { id: string; number: string; kind: (typeof s.ipKind.enumValues)[number] };

export const ADMIN_ID = seedUuid('user', 'admin');
export const IP_SCHEME = 'foshan-ip-compensation';
export const RONGDAN_SCHEME = 'foshan-hitech-rongdan';

export const wan = (w: number): bigint => BigInt(Math.round(w * 100)) * 10_000n;
export const toWan = (fen: bigint): number => Number(fen) / 1_000_000;
export const date = (ms: number) => new Date(ms);
export const minMs = (...xs: number[]) => Math.min(...xs);
export const maxMs = (...xs: number[]) => Math.max(...xs);
export const round10 = (w: number) => Math.max(10, Math.round(w / 10) * 10);
export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
export const formatRate = (bp: number) => `${(bp / 100).toFixed(2)}%`;

export function randomDate(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

export function yearsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return y2 - y1 - (m2 * 100 + d2 < m1 * 100 + d1 ? 1 : 0);
}

export function randomName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

export interface Inst {
  seed: InstitutionSeed;
  id: string;
  userId: string;
  userName: string;
  joinedMs: number;
}

export interface Cert {
  kind: CertificationKind;
  validFrom: string;
  validTo: string;
  verified: boolean;
}

export interface Ent {
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

export interface Prod {
  t: ProductTemplate;
  id: string;
  inst: Inst;
  schemeCode: string | null;
  publishedMs: number | null;
  min: number; // 万元
  max: number;
}

export interface Lpr {
  effectiveOn: string;
  oneYearBp: number;
}

export interface Ctx {
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

export interface LoanMeta {
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

export function lprAt(lpr: Lpr[], day: string): number {
  let bp = lpr[0].oneYearBp;
  for (const r of lpr) if (r.effectiveOn <= day) bp = r.oneYearBp;
  return bp;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
