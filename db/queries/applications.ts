import { and, asc, count, desc, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../client';
import {
  applicationEvents,
  applicationIpAssets,
  applications,
  consents,
  enterprises,
  financingNeeds,
  institutions,
  ipAssets,
  loans,
  lprRates,
  matches,
  parks,
  pledgeAssets,
  pledges,
  products,
  schemeEnrolments,
  users,
} from '../schema';
import type { User } from '../schema';
import { APPLICATION_STATES } from '../enums';
import { sqlList } from '../sql-enums';

type ApplicationEvent = typeof applicationEvents.$inferSelect;
type ApplicationState = (typeof APPLICATION_STATES)[number];
type Loan = typeof loans.$inferSelect;
type IpAsset = typeof ipAssets.$inferSelect;
type Match = typeof matches.$inferSelect;
import { jsonArray, parseJson } from './json';
import { applicationDocumentFields, parseApplicationDocumentRows } from './documents';
import { parseScoreReportRows, scoreReportFields } from './innovation';
import { needAssetsJson, needStatusNow } from './needs';
import { verificationRevokedNow } from './enterprises';

export async function findByIdempotencyKey(db: Db, enterpriseId: string, key: string) {
  const [a] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.enterpriseId, enterpriseId), eq(applications.idempotencyKey, key)))
    .limit(1);
  return a ?? null;
}

/**
 * Inserts unless the (enterprise, idempotency key) pair exists; null when it did. Its submission
 * event is written in the same transaction, at the same now(): last_event_at is set to it here, so
 * the row returned is the row a retry reads (the trigger on application_events would set it after).
 */
export async function insertApplicationOnce(db: Db, values: typeof applications.$inferInsert) {
  const [a] = await db
    .insert(applications)
    .values({ ...values, lastEventAt: sql`now()` })
    .onConflictDoNothing({ target: [applications.enterpriseId, applications.idempotencyKey] })
    .returning();
  return a ?? null;
}

export async function insertApplicationAssets(db: Db, applicationId: string, assetIds: string[]) {
  if (assetIds.length) await db.insert(applicationIpAssets).values(assetIds.map((ipAssetId) => ({ applicationId, ipAssetId })));
}

export async function applicationAssetIds(db: Db, applicationId: string) {
  return (await db.select({ id: applicationIpAssets.ipAssetId }).from(applicationIpAssets).where(eq(applicationIpAssets.applicationId, applicationId))).map(
    (r) => r.id,
  );
}

export async function insertEvent(db: Db, e: typeof applicationEvents.$inferInsert) {
  await db.insert(applicationEvents).values(e);
}

/** Grants (or extends to a year from now) the institution's view of the enterprise's details. */
/** Grants (or renews to `expiresAt`) the enterprise's consent to the institution: financials, documents, IP valuations. */
export async function grantConsent(db: Db, enterpriseId: string, institutionId: string, source: string, expiresAt: Date) {
  const updated = await db
    .update(consents)
    .set({ expiresAt })
    .where(and(eq(consents.enterpriseId, enterpriseId), eq(consents.institutionId, institutionId), sql`${consents.revokedAt} is null`))
    .returning({ id: consents.id });
  if (updated.length === 0)
    await db.insert(consents).values({ enterpriseId, institutionId, scope: ['financials', 'documents', 'ip_valuations'], source, expiresAt });
}

export async function createPledgeWithAssets(db: Db, applicationId: string, assetIds: string[]) {
  const [{ value }] = await db
    .select({ value: sql<string>`coalesce(sum(${ipAssets.valuationFen}), 0)::text` })
    .from(ipAssets)
    .where(inArray(ipAssets.id, assetIds.length ? assetIds : ['00000000-0000-0000-0000-000000000000']));
  const [p] = await db
    .insert(pledges)
    .values({ applicationId, pledgedValueFen: BigInt(value), status: 'pending_registration' })
    .returning();
  // The partial unique index refuses an asset that is in another live pledge.
  await db.insert(pledgeAssets).values(assetIds.map((ipAssetId) => ({ pledgeId: p.id, ipAssetId })));
  return p;
}

export async function pledgeOfApplication(db: Db, applicationId: string) {
  const [p] = await db.select().from(pledges).where(eq(pledges.applicationId, applicationId)).limit(1);
  return p ?? null;
}

export async function insertLoan(db: Db, values: typeof loans.$inferInsert) {
  const [l] = await db.insert(loans).values(values).returning();
  return l;
}

export async function linkPledgeToLoan(db: Db, pledgeId: string, loanId: string) {
  await db.update(pledges).set({ loanId, updatedAt: new Date() }).where(eq(pledges.id, pledgeId));
}

/** 报项目 at `at`: the loan's disbursement (DESIGN §4: enrolment happens at disbursement). */
export async function enrol(db: Db, schemeId: string, loanId: string, userId: string, at: Date) {
  await db.insert(schemeEnrolments).values({ schemeId, loanId, enrolledBy: userId, enrolledAt: at }).onConflictDoNothing();
}

export async function disbursedForNeed(db: Db, needId: string) {
  const [r] = await db
    .select({ total: sum(loans.principalFen) })
    .from(loans)
    .innerJoin(applications, eq(applications.id, loans.applicationId))
    .where(eq(applications.needId, needId));
  return BigInt(r.total ?? 0);
}

type TimelineEventJson = {
  id: string;
  fromStatus: ApplicationEvent['fromStatus'];
  toStatus: ApplicationEvent['toStatus'];
  reasonCode: string | null;
  note: string | null;
  at: string;
  actorName: string | null;
  actorRole: User['role'] | null;
};

/**
 * An application with its product, enterprise and park, its pledge and its timeline, as select fields over the
 * joins of getApplicationView (workbenchRow repeats those joins: a helper generic over the select fields
 * does not type-check: drizzle's join methods need the concrete selection).
 */
const applicationViewFields = {
  application: applications,
  productName: products.name,
  productCategory: products.category,
  enterpriseName: enterprises.name,
  institutionName: institutions.name,
  product: products,
  enterprise: enterprises,
  parkName: parks.name,
  parkNameEn: parks.nameEn,
  pledge: pledges,
  events: jsonArray<TimelineEventJson>(
    sql`select json_agg(json_build_object('id', e.id::text, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'reasonCode', e.reason_code,
          'note', e.note, 'at', e.at, 'actorName', u.name, 'actorRole', u.role) order by e.at, e.id)
          from ${applicationEvents} e left join ${users} u on u.id = e.actor_user_id where e.application_id = "applications"."id"`,
  ),
};

/**
 * An application with its product, institution and enterprise (and the enterprise's park), its timeline (oldest first, with each
 * actor's name and role) and its pledge, in one statement: every application page shows all of it.
 */
export async function getApplicationView(db: Db, id: string) {
  const [r] = await db
    .select(applicationViewFields)
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(institutions, eq(institutions.id, applications.institutionId))
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(pledges, eq(pledges.applicationId, applications.id))
    .where(eq(applications.id, id))
    .limit(1);
  return r ? parseApplicationView(r) : null;
}

function parseApplicationView<T extends { events: TimelineEventJson[] }>(r: T) {
  const { events, ...view } = r;
  return { ...view, events: events.map((e) => ({ ...e, id: BigInt(e.id), at: new Date(e.at) })) };
}

export async function listApplications(
  db: Db,
  scope: { enterpriseId?: string; institutionId?: string; status?: string },
  page: { limit: number; offset: number },
) {
  const where = and(
    scope.enterpriseId ? eq(applications.enterpriseId, scope.enterpriseId) : undefined,
    scope.institutionId ? eq(applications.institutionId, scope.institutionId) : undefined,
    scope.status ? sql`${applications.status} = ${scope.status}` : undefined,
  );
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: applications.id,
        status: applications.status,
        amountFen: applications.amountFen,
        termMonths: applications.termMonths,
        approvedAmountFen: applications.approvedAmountFen,
        approvedRateBp: applications.approvedRateBp,
        submittedAt: applications.submittedAt,
        productName: products.name,
        productCategory: products.category,
        enterpriseName: enterprises.name,
        institutionName: institutions.name,
      })
      .from(applications)
      .innerJoin(products, eq(products.id, applications.productId))
      .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
      .innerJoin(institutions, eq(institutions.id, applications.institutionId))
      .where(where)
      .orderBy(desc(applications.submittedAt), asc(applications.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(applications).where(where),
  ]);
  return { items, total: Number(total) };
}

/**
 * An institution's queue: applications in the given states, each with the time it entered its
 * current state (its last timeline event), longest waiting first; and how many wait in each state.
 */
export async function officerQueue(db: Db, institutionId: string, states: readonly ApplicationState[], page: { limit: number; offset: number }) {
  // applications.last_event_at is the last event's time, kept by a trigger (migration 0015); with the
  // states written as literals, the waiting ones walk applications_queue_idx in this order.
  const since = sql<Date>`coalesce(${applications.lastEventAt}, ${applications.submittedAt})`;
  const where = and(eq(applications.institutionId, institutionId), sql`${applications.status} in ${sqlList(APPLICATION_STATES, states)}`);
  const [items, counts] = await Promise.all([
    db
      .select({
        id: applications.id,
        status: applications.status,
        amountFen: applications.amountFen,
        termMonths: applications.termMonths,
        submittedAt: applications.submittedAt,
        waitingSince: since.mapWith((v: string | Date) => new Date(v)),
        productName: products.name,
        enterpriseName: enterprises.name,
      })
      .from(applications)
      .innerJoin(products, eq(products.id, applications.productId))
      .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
      .where(where)
      .orderBy(asc(since), asc(applications.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ status: applications.status, n: count() }).from(applications).where(eq(applications.institutionId, institutionId)).groupBy(applications.status),
  ]);
  const byState = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Record<string, number>;
  return { items, byState, total: states.reduce((s, k) => s + (byState[k] ?? 0), 0) };
}

type PledgedAssetJson = {
  id: string;
  kind: IpAsset['kind'];
  number: string;
  title: string;
  owners: string[];
  inForce: boolean;
  feesPaid: boolean;
  expiryDate: string | null;
  valuationFen: string | null;
  appraiser: string | null;
  valuedOn: string | null;
};

/**
 * What the officer's workbench adds to the application view, as select fields over applications:
 * the IP assets offered (by patent number), the loan once disbursed and the match behind an
 * application made from a need.
 */
const workbenchExtraFields = {
  /** A rejected enterprise whose verification was revoked (核验已撤销), not refused from the start. */
  verificationRevoked: verificationRevokedNow(enterprises.verificationStatus, applications.enterpriseId),
  assets: jsonArray<PledgedAssetJson>(
    sql`select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'number', a.number, 'title', a.title, 'owners', a.owners, 'inForce', a.in_force,
            'feesPaid', a.fees_paid, 'expiryDate', a.expiry_date::text, 'valuationFen', a.valuation_fen::text, 'appraiser', a.appraiser, 'valuedOn', a.valued_on::text)
            order by a.number)
          from ${applicationIpAssets} x join ${ipAssets} a on a.id = x.ip_asset_id where x.application_id = "applications"."id"`,
  ),
  loan: sql<{
    id: string;
    disbursedOn: string;
    maturesOn: string;
    repaymentMethod: Loan['repaymentMethod'];
  } | null>`(select json_build_object('id', l.id, 'disbursedOn', l.disbursed_on::text, 'maturesOn', l.matures_on::text,
          'repaymentMethod', l.repayment_method) from ${loans} l where l.application_id = "applications"."id" limit 1)`.mapWith((v: unknown) =>
    parseJson<{ id: string; disbursedOn: string; maturesOn: string; repaymentMethod: Loan['repaymentMethod'] } | null>(v),
  ),
  match: sql<{
    score: number;
    reasons: unknown;
    source: Match['source'];
  } | null>`(select json_build_object('score', m.score, 'reasons', m.reasons, 'source', m.source)
          from ${matches} m where m.need_id = "applications"."need_id" and m.product_id = "applications"."product_id" limit 1)`.mapWith((v: unknown) =>
    parseJson<{ score: number; reasons: unknown; source: Match['source'] } | null>(v),
  ),
};

function parseWorkbenchExtras<T extends { assets: PledgedAssetJson[] }>(r: T) {
  const assets = r.assets.map((a) => ({ ...a, valuationFen: a.valuationFen === null ? null : BigInt(a.valuationFen) }));
  return { ...(r as Omit<T, 'assets'>), assets };
}

/**
 * Everything the officer's workbench reads, in one statement: the application view
 * (getApplicationView), the workbench's extras (workbenchExtraFields), the documents section
 * (applicationDocumentRows), what the enterprise's score report reads (scoreReportRows), the need
 * the application came from (as getNeedWithAssets) and the 1-year LPR in force on `day`. Null for
 * an unknown id; the caller checks the scope before showing any of it.
 */
export async function workbenchRow(db: Db, id: string, day: string) {
  const [r] = await db
    .select({
      ...applicationViewFields,
      ...workbenchExtraFields,
      ...applicationDocumentFields,
      ...scoreReportFields(sql`"applications"."enterprise_id"`),
      need: financingNeeds,
      needStatus: needStatusNow,
      needAssets: needAssetsJson,
      lprBp: sql<number | null>`(select r.one_year_bp from ${lprRates} r where r.effective_on <= ${day} order by r.effective_on desc limit 1)`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(products, eq(products.id, applications.productId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(institutions, eq(institutions.id, applications.institutionId))
    .innerJoin(parks, eq(parks.id, enterprises.parkId))
    .leftJoin(pledges, eq(pledges.applicationId, applications.id))
    .leftJoin(financingNeeds, eq(financingNeeds.id, applications.needId))
    .where(eq(applications.id, id))
    .limit(1);
  if (!r) return null;
  const { application, productName, productCategory, enterpriseName, product, enterprise, parkName, parkNameEn, pledge, events } = r;
  const { assets, loan, match, verificationRevoked } = parseWorkbenchExtras(r);
  return {
    view: parseApplicationView({ application, productName, productCategory, enterpriseName, product, enterprise, parkName, parkNameEn, pledge, events }),
    extras: { assets, loan, match, verificationRevoked },
    documents: parseApplicationDocumentRows(r),
    scoreRows: parseScoreReportRows(r),
    need: r.need ? { ...r.need, status: r.needStatus, assets: r.needAssets } : null,
    lprBp: r.lprBp ?? null,
  };
}
