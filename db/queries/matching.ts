// SQL of the matching engine (lib/matching/engine.ts decides and scores): the matchable products each
// need's candidates are picked from (lib/matching/candidates.ts), the institutions' response times,
// match rows.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { countUpTo } from './count-up-to';
import { jsonArray } from './json';
import { applications, auditEvents, certifications, consents, enterprises, financingNeeds, innovationScores, institutions, matches, products } from '../schema';
import { eligibilityFactsJson, factsFromJson } from './enterprises';
import { assetOptionsJson, needAssetsJson, needIsOpen, needOfAdmittedEnterprise, needStatusNow, needTermsColumns } from './needs';
import { productCardColumns } from './products';

/** At most this many products are scored for one need (the zone has fewer than 100 published). */
export const MATCH_CANDIDATE_LIMIT = 200;

/** The rate floor with today's 1-year LPR, as the catalogue prices it. */
const effectiveRateMin = productCardColumns.effectiveRateMinBp;

const productEligibilityColumns = {
  requiredCertifications: products.requiredCertifications,
  minInnovationScore: products.minInnovationScore,
  minYearsInOperation: products.minYearsInOperation,
  eligibleParkIds: products.eligibleParkIds,
  eligibleIndustries: products.eligibleIndustries,
  maxEmployees: products.maxEmployees,
  maxRevenueFen: products.maxRevenueFen,
  termMinMonths: products.termMinMonths,
  termMaxMonths: products.termMaxMonths,
};

const publishedByActive = and(eq(products.status, 'published'), eq(institutions.status, 'active'));

export interface NeedTerms {
  amountFen: bigint;
  termMonths: number;
  guaranteeMethods: readonly string[];
  maxRateBp: number | null;
}

/**
 * Every published product of an active institution with what matching reads of it (its card, its
 * eligibility rules, its rate floor at today's 1-year LPR), by id: the set lib/matching/candidates.ts
 * picks each need's candidates from, kept per catalogue version.
 */
export async function matchableProducts(db: Db) {
  const rows = await db
    .select({ ...productCardColumns, ...productEligibilityColumns })
    .from(products)
    .innerJoin(institutions, eq(institutions.id, products.institutionId))
    .where(publishedByActive)
    .orderBy(asc(products.id));
  return rows.map((r) => ({ ...r, effectiveRateMinBp: Number(r.effectiveRateMinBp), effectiveRateMaxBp: Number(r.effectiveRateMaxBp) }));
}

export type MatchableProduct = Awaited<ReturnType<typeof matchableProducts>>[number];

export const PAGE_SIZE_FITS = 20;

/**
 * How many pairs the institution's fits count at most (`capped` past it): the exact count pairs every
 * open need with every product, 0.60 s at tier L (330k open needs); up to the cap, 50 ms.
 */
export const FITS_COUNT_CAP = 10_000;

/**
 * For one institution: (open need, own published product) pairs where every hard rule holds,
 * newest need first, one page. Each row carries the existing match of the pair, if any. The total
 * is exact up to FITS_COUNT_CAP.
 *
 * The page's pairs are found among the newest open needs, walked in growing batches (`firstBatch`
 * needs, then 64 times as many, then all): pairs are ordered by need first, so the first
 * offset + limit pairs of the newest K needs are the first overall whenever that batch holds as
 * many, or holds every open need. Asked for all at once, the planner, which puts the pairs about
 * 1,000× too low, sorted every open need at tier L (330k, 0.47 s) to find 20 pairs. The page's
 * enterprises, products and matches are joined for its pairs only. With `page.needId`, the pairs of
 * that one open need (the needs board's "our products for this need").
 */
export async function institutionFitPairs(
  db: Db,
  institutionId: string,
  page: { limit: number; offset: number; needId?: string | null },
  countCap = FITS_COUNT_CAP,
  firstBatch = Math.max(512, 16 * (page.offset + page.limit)),
) {
  const pairRules = and(
    eq(products.institutionId, institutionId),
    eq(products.status, 'published'),
    sql`${products.amountMinFen} <= ${financingNeeds.amountFen} and ${products.amountMaxFen} >= ${financingNeeds.amountFen}`,
    sql`${products.termMinMonths} <= ${financingNeeds.termMonths} and ${products.termMaxMonths} >= ${financingNeeds.termMonths}`,
    sql`${products.guaranteeMethods} && ${financingNeeds.guaranteeMethods}`,
    sql`(${financingNeeds.maxRateBp} is null or ${effectiveRateMin} <= ${financingNeeds.maxRateBp})`,
  );
  const instActive = and(eq(institutions.id, products.institutionId), eq(institutions.status, 'active'));
  const open = sql`${needIsOpen} and ${needOfAdmittedEnterprise}`;
  const needs = page.needId ? sql`${open} and ${financingNeeds.id} = ${page.needId}` : open;
  const [pagePairs, counted] = await Promise.all([
    fitPairsPage(db, pairRules, instActive, needs, page, firstBatch),
    countUpTo(
      db,
      db.select({ one: sql`1` }).from(financingNeeds).innerJoin(products, pairRules).innerJoin(institutions, instActive).where(needs).$dynamic(),
      countCap,
    ),
  ]);
  const pairKey = (needId: string, productId: string) => `${needId}:${productId}`;
  const rank = new Map(pagePairs.map((p, i) => [pairKey(p.needId, p.productId), i]));
  const items =
    pagePairs.length === 0
      ? []
      : await db
          .select({
            need: { id: financingNeeds.id, enterpriseId: financingNeeds.enterpriseId, ...needTermsColumns },
            enterpriseName: enterprises.name,
            product: { ...productCardColumns, ...productEligibilityColumns },
            matchId: matches.id,
            matchStatus: matches.status,
          })
          .from(financingNeeds)
          .innerJoin(products, inArray(products.id, [...new Set(pagePairs.map((p) => p.productId))]))
          .innerJoin(institutions, eq(institutions.id, products.institutionId))
          .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
          .leftJoin(matches, and(eq(matches.needId, financingNeeds.id), eq(matches.productId, products.id)))
          .where(inArray(financingNeeds.id, [...new Set(pagePairs.map((p) => p.needId))]));
  return {
    items: items
      .filter((r) => rank.has(pairKey(r.need.id, r.product.id)))
      .sort((a, b) => rank.get(pairKey(a.need.id, a.product.id))! - rank.get(pairKey(b.need.id, b.product.id))!)
      .map((r) => ({
        ...r,
        product: { ...r.product, effectiveRateMinBp: Number(r.product.effectiveRateMinBp), effectiveRateMaxBp: Number(r.product.effectiveRateMaxBp) },
      })),
    ...counted,
  };
}

/** How much bigger each batch of newest open needs is than the one before (institutionFitPairs). */
const FIT_BATCH_GROWTH = 64;

/** The (need, product) ids of one page of fitting pairs, from the newest open needs in growing batches. */
async function fitPairsPage(
  db: Db,
  pairRules: SQL | undefined,
  instActive: SQL | undefined,
  needs: SQL,
  page: { limit: number; offset: number },
  firstBatch: number,
) {
  const next = (n: number) => (n > FIT_BATCH_CEILING ? null : n);
  for (let batch = next(firstBatch); ; batch = next(batch * FIT_BATCH_GROWTH)) {
    // The batch is named financing_needs so that the pair rules read its columns.
    const newest =
      batch === null
        ? sql`(select *, null::int as batch_needs from ${financingNeeds} where ${needs})`
        : sql`(select b.*, count(*) over ()::int as batch_needs from (select * from ${financingNeeds} where ${needs} order by ${financingNeeds.createdAt} desc, ${financingNeeds.id} limit ${batch}) b)`;
    const rows = await db
      // Columns of the batch, not of the table: written as SQL (drizzle checks a column's table is joined).
      .select({ needId: sql<string>`${financingNeeds.id}`, productId: products.id, batchNeeds: sql<number | null>`${financingNeeds}.batch_needs` })
      .from(sql`${newest} as ${financingNeeds}`)
      .innerJoin(products, pairRules)
      .innerJoin(institutions, instActive)
      .orderBy(desc(financingNeeds.createdAt), asc(financingNeeds.id), asc(products.id))
      .limit(page.limit)
      .offset(page.offset);
    // Final when the page is full, when the batch held every open need, or when it was all of them.
    if (batch === null || rows.length === page.limit || (rows.length > 0 && rows[0].batchNeeds! < batch)) return rows;
  }
}

/** Past this many needs a batch is all open needs (no order and limit for the planner to weigh). */
const FIT_BATCH_CEILING = 1_000_000;

/** What the eligibility rules look at (lib/matching/eligibility.ts's EnterpriseFacts), for several enterprises in three queries. */
export async function eligibilityFactsFor(db: Db, enterpriseIds: string[]) {
  const ids = [...new Set(enterpriseIds)];
  if (ids.length === 0) return new Map();
  const [ents, certs, scores] = await Promise.all([
    db.select().from(enterprises).where(inArray(enterprises.id, ids)),
    db
      .select({
        enterpriseId: certifications.enterpriseId,
        kind: certifications.kind,
        validFrom: certifications.validFrom,
        validTo: certifications.validTo,
        verificationStatus: certifications.verificationStatus,
      })
      .from(certifications)
      .where(inArray(certifications.enterpriseId, ids)),
    db
      .selectDistinctOn([innovationScores.enterpriseId], { enterpriseId: innovationScores.enterpriseId, total: innovationScores.total })
      .from(innovationScores)
      .where(inArray(innovationScores.enterpriseId, ids))
      .orderBy(innovationScores.enterpriseId, desc(innovationScores.computedAt)),
  ]);
  const scoreOf = new Map(scores.map((s) => [s.enterpriseId, s.total]));
  return new Map(
    ents.map((e) => [
      e.id,
      {
        parkId: e.parkId,
        industry: e.industry,
        foundedOn: e.foundedOn,
        employees: e.employees,
        revenueFen: e.revenueFen,
        verificationStatus: e.verificationStatus,
        certifications: certs.filter((c) => c.enterpriseId === e.id).map(({ enterpriseId: _e, ...c }) => c),
        innovationScore: scoreOf.get(e.id) ?? null,
      },
    ]),
  );
}

// ---------------------------------------------------------------- match rows

export async function getMatch(db: Db, id: string) {
  const [m] = await db.select().from(matches).where(eq(matches.id, id)).limit(1);
  return m ?? null;
}

export async function lockMatchOf(db: Db, needId: string, productId: string) {
  const [m] = await db
    .select()
    .from(matches)
    .where(and(eq(matches.needId, needId), eq(matches.productId, productId)))
    .for('update');
  return m ?? null;
}

export async function insertMatch(db: Db, values: typeof matches.$inferInsert) {
  const [m] = await db.insert(matches).values(values).returning();
  return m;
}

/** The first institution action on a need (DESIGN §3 response times); later ones keep the first. */
export async function markFirstInstitutionAction(db: Db, needId: string, at = new Date()) {
  await db
    .update(financingNeeds)
    .set({ firstInstitutionActionAt: at })
    .where(and(eq(financingNeeds.id, needId), sql`${financingNeeds.firstInstitutionActionAt} is null`));
}

/** Whether the enterprise accepted this institution interest (the 'match.accept' audit row). */
function acceptedExpr(matchId: SQL) {
  return sql<boolean>`exists (select 1 from ${auditEvents} ae where ae.entity = 'match' and ae.entity_id = (${matchId})::text and ae.action = 'match.accept')`;
}

export async function isMatchAccepted(db: Db, matchId: string): Promise<boolean> {
  const [r] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, 'match'), eq(auditEvents.entityId, matchId), eq(auditEvents.action, 'match.accept')));
  return Number(r.n) > 0;
}

/** Institutions' interests in one need (source 'institution'), newest first. */
type InterestJson = {
  id: string;
  status: (typeof matches.$inferSelect)['status'];
  score: number;
  reasons: unknown;
  createdAt: string;
  updatedAt: string;
  productId: string;
  productName: string;
  institutionId: string;
  institutionName: string;
  accepted: boolean;
};

/** The institutions' interests in the need of the row (a select from financing_needs), as JSON. */
function interestsJson(limit: number) {
  return jsonArray<InterestJson>(
    sql`select json_agg(json_build_object('id', i.id, 'status', i.status, 'score', i.score, 'reasons', i.reasons, 'createdAt', i.created_at,
        'updatedAt', i.updated_at, 'productId', i.product_id, 'productName', i.product_name, 'institutionId', i.institution_id,
        'institutionName', i.institution_name, 'accepted', ${acceptedExpr(sql.raw('i.id'))}) order by i.updated_at desc, i.id)
      from (select m.id, m.status, m.score, m.reasons, m.created_at, m.updated_at, p.id product_id, p.name product_name, inst.id institution_id,
          inst.name institution_name
        from ${matches} m join ${products} p on p.id = m.product_id join ${institutions} inst on inst.id = p.institution_id
        where m.need_id = "financing_needs"."id" and m.source = 'institution' order by m.updated_at desc, m.id limit ${limit}) i`,
  );
}

/**
 * Everything the need page reads, in one statement: the need (its status as of today, the IP
 * assets offered with it), the institutions' interests in it (newest first, at most `limit`, each
 * with whether the enterprise accepted it), and, for the reading enterprise `readerId`, the IP
 * assets its form may offer and what the eligibility rules look at. Null for an unknown need; the
 * caller checks that the need is the reader's before showing any of it.
 */
/**
 * The reader's applications made for this need and still under way or done (not rejected or
 * withdrawn), by product: the need page marks those products as applied for (applications_need_cov).
 */
function needApplicationsJson(readerId: string) {
  return jsonArray<{ id: string; productId: string; status: string; approvedAmountFen: string | null }>(
    sql`select json_agg(json_build_object('id', a.id, 'productId', a.product_id, 'status', a.status,
          'approvedAmountFen', a.approved_amount_fen::text) order by a.submitted_at desc, a.id)
      from ${applications} a where a.need_id = "financing_needs"."id" and a.enterprise_id = ${readerId}
        and a.status not in ('rejected', 'withdrawn')`,
  );
}

export async function needPageRow(db: Db, needId: string, readerId: string, limit = 50) {
  const [r] = await db
    .select({
      need: financingNeeds,
      statusNow: needStatusNow,
      assets: needAssetsJson,
      interests: interestsJson(limit),
      assetOptions: assetOptionsJson(readerId),
      facts: eligibilityFactsJson(readerId),
      applications: needApplicationsJson(readerId),
    })
    .from(financingNeeds)
    .where(eq(financingNeeds.id, needId))
    .limit(1);
  if (!r) return null;
  return {
    need: { ...r.need, status: r.statusNow, assets: r.assets },
    interests: r.interests.map((x) => ({ ...x, createdAt: new Date(x.createdAt), updatedAt: new Date(x.updatedAt) })),
    assetOptions: r.assetOptions,
    facts: factsFromJson(r.facts),
    applications: r.applications,
  };
}

export async function insertConsent(db: Db, values: typeof consents.$inferInsert) {
  const [c] = await db.insert(consents).values(values).returning();
  return c;
}
