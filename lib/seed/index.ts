// Deterministic demo data for the Foshan zone (一区五园): parks, institutions, products, enterprises
// with certifications, IP assets and innovation scores, needs, matches, applications with their
// timelines, loans, repayments, IP pledges, risk schemes with enrolments and claims, consents,
// notifications and an audit trail.
//
// Same rows and same figures on every run: every random choice comes from a seeded PRNG stream
// (data/prng.ts), every date from the fixed demo "today" 2026-11-20 (data/calendar.ts), every uuid is
// name-based. Only the argon2 password hash differs between runs (it is salted).
//
// One module per builder (institutions, enterprises, innovation, applications, needs, claims,
// consents, notifications, audit), over the shared shapes of context.ts; eligibility, fits and match
// scores come from the engines through matching.ts and engines.ts. This module runs them in order
// and inserts the rows.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import { hashPassword } from '../auth/password';
import { DEMO_ACCOUNT_NAMES, DEMO_ACCOUNTS, DEMO_PASSWORD } from './data/accounts';
import { at, DEMO_NOW, DEMO_TODAY } from './data/calendar';
import { WEIGHT_SET_V1 } from './data/innovation';
import { PARKS } from './data/parks';
import { type Tx, type Insert, type DemoRows, ADMIN_ID, date, type Ctx } from './context';
import { buildApplications } from './applications';
import { buildAudit } from './audit';
import { buildClaims } from './claims';
import { buildConsents } from './consents';
import { buildEnterprises } from './enterprises';
import { buildInnovation } from './innovation';
import { buildInstitutions, buildLpr, buildProducts, buildSchemes } from './institutions';
import { buildStandaloneNeeds } from './needs';
import { buildNotifications } from './notifications';
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
