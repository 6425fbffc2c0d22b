import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { ZONE_TIME_ZONE } from '../zone';
import { jsonArray } from './json';
import { rowsOf } from '../rows';
import { NEED_STATES, VERIFICATION_STATES, type CERTIFICATION_KINDS, type GUARANTEE_METHODS, type NEED_PURPOSES } from '../enums';
import { sqlValue } from '../sql-enums';
import { auditEvents, consentAccessLog, consents, enterprises, financingNeeds, ipAssets, needIpAssets, parks, type FinancingNeed } from '../schema';

/** Today on the zone's calendar (Asia/Shanghai), in SQL. */
const ZONE_TODAY = sql.raw(`(now() at time zone '${ZONE_TIME_ZONE}')::date`);
const OPEN = sqlValue(NEED_STATES, 'open');
const VERIFIED = sqlValue(VERIFICATION_STATES, 'verified');
/**
 * Open and not past its wanted-by date. The expiry job (lib/jobs) writes 'expired' every few
 * minutes; until it has, a need past its date already reads as expired and is offered to nobody.
 */
export const needIsOpen = sql`(${financingNeeds.status} = ${OPEN} and (${financingNeeds.wantedBy} is null or ${financingNeeds.wantedBy} >= ${ZONE_TODAY}))`;
/**
 * The need's enterprise was not rejected by the zone (its registration found false, its code perhaps
 * released): such needs leave the needs board and the institutions' fits. Rejected enterprises are
 * few, so this is one hashed list of their ids (enterprises_verification_idx), not a join.
 */
export const needOfAdmittedEnterprise = sql`${financingNeeds.enterpriseId} not in (select e.id from enterprises e where e.verification_status = ${sqlValue(VERIFICATION_STATES, 'rejected')})`;
/** The need's status as of now: 'expired' for an open need past its wanted-by date. */
export const needStatusNow = sql<
  FinancingNeed['status']
>`(case when ${financingNeeds.status} = ${OPEN} and ${financingNeeds.wantedBy} < ${ZONE_TODAY} then ${sqlValue(NEED_STATES, 'expired')} else ${financingNeeds.status}::text end)`;

export async function insertNeed(db: Db, values: typeof financingNeeds.$inferInsert) {
  const [n] = await db.insert(financingNeeds).values(values).returning();
  return n;
}

export async function lockNeed(db: Db, id: string) {
  const [n] = await db.select().from(financingNeeds).where(eq(financingNeeds.id, id)).for('update');
  return n ?? null;
}

export async function updateNeedRow(db: Db, id: string, values: Partial<typeof financingNeeds.$inferInsert>) {
  const [n] = await db
    .update(financingNeeds)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(financingNeeds.id, id))
    .returning();
  return n;
}

export async function setNeedAssets(db: Db, needId: string, assetIds: string[]) {
  await db.delete(needIpAssets).where(eq(needIpAssets.needId, needId));
  if (assetIds.length) await db.insert(needIpAssets).values(assetIds.map((ipAssetId) => ({ needId, ipAssetId })));
}

export async function countOwnAssets(db: Db, enterpriseId: string, assetIds: string[]) {
  if (assetIds.length === 0) return 0;
  const [r] = await db
    .select({ n: count() })
    .from(ipAssets)
    .where(and(eq(ipAssets.enterpriseId, enterpriseId), inArray(ipAssets.id, assetIds)));
  return Number(r.n);
}

type NeedAssetRow = Pick<typeof ipAssets.$inferSelect, 'id' | 'kind' | 'number' | 'title'>;

/** The IP assets offered with the need of the row (a select from financing_needs), as JSON. */
export const needAssetsJson = jsonArray<NeedAssetRow>(
  sql`select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'number', a.number, 'title', a.title) order by a.kind, a.number)
    from ${needIpAssets} x join ${ipAssets} a on a.id = x.ip_asset_id where x.need_id = "financing_needs"."id"`,
);

/** A need with its status as of now and the IP assets it offers, in one statement. */
export async function getNeedWithAssets(db: Db, id: string) {
  const [row] = await db
    .select({
      need: financingNeeds,
      statusNow: needStatusNow,
      assets: needAssetsJson,
    })
    .from(financingNeeds)
    .where(eq(financingNeeds.id, id))
    .limit(1);
  if (!row) return null;
  return { ...row.need, status: row.statusNow, assets: row.assets };
}

/** What a need asks for: amount, term, purpose, guarantees, highest rate, wanted by. */
const needTerms = {
  amountFen: financingNeeds.amountFen,
  termMonths: financingNeeds.termMonths,
  purpose: financingNeeds.purpose,
  guaranteeMethods: financingNeeds.guaranteeMethods,
  maxRateBp: financingNeeds.maxRateBp,
  wantedBy: financingNeeds.wantedBy,
};

export async function listEnterpriseNeeds(db: Db, enterpriseId: string, page: { limit: number; offset: number }) {
  const assetCount = sql<number>`(select count(*)::int from ${needIpAssets} x where x.need_id = "financing_needs"."id")`;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: financingNeeds.id,
        ...needTerms,
        status: needStatusNow,
        createdAt: financingNeeds.createdAt,
        assetCount,
      })
      .from(financingNeeds)
      .where(eq(financingNeeds.enterpriseId, enterpriseId))
      .orderBy(desc(financingNeeds.createdAt), asc(financingNeeds.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(financingNeeds).where(eq(financingNeeds.enterpriseId, enterpriseId)),
  ]);
  return { items, total: Number(total) };
}

/** Open needs past their wanted-by date become expired, each with an audit row. */
export async function expireOverdueNeeds(db: Db, today: string) {
  return db.transaction(async (tx) => {
    const expired = await tx
      .update(financingNeeds)
      .set({ status: 'expired', updatedAt: new Date() })
      .where(and(eq(financingNeeds.status, 'open'), sql`${financingNeeds.wantedBy} < ${today}`))
      .returning({ id: financingNeeds.id });
    if (expired.length) {
      await tx.insert(auditEvents).values(
        expired.map((n) => ({
          action: 'financing_need.expire',
          entity: 'financing_need',
          entityId: n.id,
          before: { status: 'open' },
          after: { status: 'expired' },
          actorRole: 'system',
        })),
      );
    }
    return expired.length;
  });
}

// Correlated subqueries name outer columns in full ("table"."column"): drizzle leaves them
// unqualified in single-table selects, where an inner table's column of the same name would win.
/** A live consent: the enterprise let this institution see its financial details. */
export function liveConsent(enterpriseId: SQL | string, institutionId: string) {
  return sql`exists (select 1 from ${consents} c where c.enterprise_id = ${enterpriseId} and c.institution_id = ${institutionId}
    and c.revoked_at is null and c.expires_at > now() and 'financials' = any(c.scope))`;
}

/** The consents row is live (not revoked, not expired) and covers financial details. */
const consentRowIsLive = sql`${consents.revokedAt} is null and ${consents.expiresAt} > now() and 'financials' = any(${consents.scope})`;

export type EnterpriseFinancials = { revenueFen: bigint; rndExpenseFen: bigint; ipValuationFen: bigint };

/**
 * Uses the institution's live consent to see one enterprise's financial details: writes one
 * consent_access_log row and returns the consent's id. Without a live consent: null, nothing written.
 */
export async function useConsent(db: Db, enterpriseId: string, institutionId: string, userId: string, what: string): Promise<string | null> {
  // The live consent and its access-log row in one statement (INSERT … SELECT): no consent, no row.
  const live = db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.enterpriseId, enterpriseId), eq(consents.institutionId, institutionId), consentRowIsLive))
    .orderBy(desc(consents.expiresAt))
    .limit(1);
  const [c] = rowsOf<{ consent_id: string }>(
    await db.execute(
      sql`insert into ${consentAccessLog} (consent_id, user_id, what) select c.id, ${userId}::uuid, ${what}::text from (${live}) c returning consent_id`,
    ),
  );
  return c?.consent_id ?? null;
}

/** Revenue, R&D expense and the sum of IP valuations of the given enterprises. Callers check consent. */
export async function enterpriseFinancials(db: Db, enterpriseIds: string[]): Promise<Map<string, EnterpriseFinancials>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      revenueFen: enterprises.revenueFen,
      rndExpenseFen: enterprises.rndExpenseFen,
      ipValuationFen: sql<string>`coalesce((select sum(a.valuation_fen) from ip_assets a where a.enterprise_id = "enterprises"."id"), 0)::text`,
    })
    .from(enterprises)
    .where(inArray(enterprises.id, enterpriseIds));
  return new Map(rows.map((r) => [r.enterpriseId, { revenueFen: r.revenueFen, rndExpenseFen: r.rndExpenseFen, ipValuationFen: BigInt(r.ipValuationFen) }]));
}

/** A need as institutions see it on the needs board and among the fits for their products: its terms, description and date. */
export const needTermsColumns = { ...needTerms, description: financingNeeds.description, createdAt: financingNeeds.createdAt };

export const PAGE_SIZE_BOARD = 20;

/**
 * The institutions' needs board: open needs with what every institution may see. Financial
 * details are not in these rows; `boardFinancials` adds them only under consent.
 */
/** The board's filters, parsed (lib/validation/need.ts's needsBoardQuerySchema gives them). */
export interface NeedsBoardFilter {
  minAmount?: bigint;
  maxAmount?: bigint;
  maxTerm?: number;
  purpose?: (typeof NEED_PURPOSES)[number];
  park?: string;
  industry?: string;
  certification?: (typeof CERTIFICATION_KINDS)[number];
  guarantee?: (typeof GUARANTEE_METHODS)[number];
  page: number;
}

export async function needsBoard(db: Db, q: NeedsBoardFilter, parkId: number | null, institutionId: string, today: string) {
  const where: SQL[] = [needIsOpen, needOfAdmittedEnterprise];
  if (q.minAmount !== undefined) where.push(sql`${financingNeeds.amountFen} >= ${q.minAmount}`);
  if (q.maxAmount !== undefined) where.push(sql`${financingNeeds.amountFen} <= ${q.maxAmount}`);
  if (q.maxTerm !== undefined) where.push(sql`${financingNeeds.termMonths} <= ${q.maxTerm}`);
  if (q.purpose) where.push(eq(financingNeeds.purpose, q.purpose));
  if (parkId !== null) where.push(eq(enterprises.parkId, parkId));
  if (q.industry) where.push(eq(enterprises.industry, q.industry));
  if (q.guarantee) where.push(sql`${financingNeeds.guaranteeMethods} @> array[${q.guarantee}]::guarantee_method[]`);
  if (q.certification)
    where.push(
      sql`exists (select 1 from certifications c where c.enterprise_id = "enterprises"."id" and c.kind = ${q.certification}
        and c.verification_status = ${VERIFIED} and c.valid_from <= ${today} and c.valid_to >= ${today})`,
    );
  const byEnterprise = parkId !== null || Boolean(q.industry) || Boolean(q.certification);
  const counted = db.select({ total: count() }).from(financingNeeds).$dynamic();
  const certs = sql<string[]>`coalesce((select array_agg(distinct c.kind::text order by c.kind::text) from certifications c
    where c.enterprise_id = "enterprises"."id" and c.verification_status = ${VERIFIED} and c.valid_from <= ${today} and c.valid_to >= ${today}), '{}')`;
  const score = sql<string | null>`(select s.total from innovation_scores s where s.enterprise_id = "enterprises"."id" order by s.computed_at desc limit 1)`;
  const offered = sql<number>`(select count(*)::int from ${needIpAssets} x where x.need_id = "financing_needs"."id")`;
  const pageSize = PAGE_SIZE_BOARD;
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: financingNeeds.id,
        ...needTermsColumns,
        offeredAssets: offered,
        enterpriseId: enterprises.id,
        enterpriseName: enterprises.name,
        verificationStatus: enterprises.verificationStatus,
        industry: enterprises.industry,
        parkName: parks.name,
        parkNameEn: parks.nameEn,
        certifications: certs,
        innovationScore: score,
        hasConsent: sql<boolean>`${liveConsent(sql.raw('"enterprises"."id"'), institutionId)}`,
      })
      .from(financingNeeds)
      .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
      .innerJoin(parks, eq(parks.id, enterprises.parkId))
      .where(and(...where))
      .orderBy(desc(financingNeeds.createdAt), asc(financingNeeds.id))
      .limit(pageSize)
      .offset((q.page - 1) * pageSize),
    // The enterprise only when a filter reads it (every need has one): at tier L the join made the
    // unfiltered count of 330k open needs 0.93 s instead of 0.25 s.
    (byEnterprise ? counted.innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId)) : counted).where(and(...where)),
  ]);
  return { items, total: Number(total), pageSize };
}

/**
 * Financial details of the given enterprises for one institution — only those with a live consent
 * come back — and one access-log row per consent used.
 */
export async function boardFinancials(
  db: Db,
  enterpriseIds: string[],
  institutionId: string,
  userId: string,
  what: string,
): Promise<Map<string, EnterpriseFinancials>> {
  if (enterpriseIds.length === 0) return new Map();
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const live = await t
      .select({ consentId: consents.id, enterpriseId: consents.enterpriseId })
      .from(consents)
      .where(and(inArray(consents.enterpriseId, enterpriseIds), eq(consents.institutionId, institutionId), consentRowIsLive));
    const seen = new Set<string>();
    const logs = live.filter((c) => (seen.has(c.enterpriseId) ? false : (seen.add(c.enterpriseId), true)));
    if (logs.length === 0) return new Map();
    await t.insert(consentAccessLog).values(logs.map((c) => ({ consentId: c.consentId, userId, what })));
    return enterpriseFinancials(t, [...seen]);
  });
}

/** At most this many of an enterprise's IP assets are offered for pledge on its forms. */
const ASSET_OPTIONS_MAX = 200;
type AssetOption = Pick<typeof ipAssets.$inferSelect, 'id' | 'kind' | 'number' | 'title' | 'status'>;

/** listAssetOptions as JSON, to read inside another statement. */
export function assetOptionsJson(enterpriseId: string) {
  return jsonArray<AssetOption>(
    sql`select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'number', a.number, 'title', a.title, 'status', a.status) order by a.kind, a.number)
      from (select id, kind, number, title, status from ${ipAssets} where enterprise_id = ${enterpriseId} order by kind, number limit ${ASSET_OPTIONS_MAX}) a`,
  );
}

/** The enterprise's own IP assets, for the "offered for pledge" choice (at most 200). */
export function listAssetOptions(db: Db, enterpriseId: string): Promise<AssetOption[]> {
  return db
    .select({ id: ipAssets.id, kind: ipAssets.kind, number: ipAssets.number, title: ipAssets.title, status: ipAssets.status })
    .from(ipAssets)
    .where(eq(ipAssets.enterpriseId, enterpriseId))
    .orderBy(asc(ipAssets.kind), asc(ipAssets.number))
    .limit(ASSET_OPTIONS_MAX);
}
