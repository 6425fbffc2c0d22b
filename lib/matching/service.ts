// Matching use cases (DESIGN §3): ranked products for an enterprise's need, fitting needs for an
// institution, an officer's interest in a need and the enterprise's answer. lib/matching/engine.ts
// decides and scores; lib/matching/candidates.ts picks each need's candidates so nothing scores the whole catalogue.
import { z } from 'zod';
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { getEligibilityFacts, getEnterpriseWithPark } from '../../db/queries/enterprises';
import {
  eligibilityFactsFor,
  getMatch,
  insertConsent,
  insertMatch,
  institutionFitPairs,
  isMatchAccepted,
  lockMatchOf,
  markFirstInstitutionAction,
  needPageRow,
  PAGE_SIZE_FITS,
} from '../../db/queries/matching';
import { lockNeed } from '../../db/queries/needs';
import { notifyEnterprise, notifyInstitution } from '../notifications/notify';
import { getProduct, getPublishedProduct } from '../../db/queries/products';
import { matches } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { consentExpiresAt } from '../core/consent-term';
import { AppError } from '../core/errors';
import { matchMachine, type MatchAction, type MatchStatus } from '../machines/match';
import { classifyCandidate, compareRanked, rankCandidates, scoreMatch, type MatchProduct } from './engine';
import { needCandidates } from './candidates';
import { productCategories } from '../products/categories';
import { responseTimesNow, type ResponseTimes } from '../institutions/response-times';
import { transitionNeed } from '../needs/service';

type MatchRow = typeof matches.$inferSelect;

// ---------------------------------------------------------------- input shapes (forms, actions)

export const expressInterestSchema = z.object({ needId: z.uuid('not_found'), productId: z.uuid('not_found') });
export const respondToInterestSchema = z.object({ matchId: z.uuid('not_found'), accept: z.boolean('invalid') });
export const fitsPageSchema = z.object({
  page: z
    .string()
    .regex(/^\d{1,6}$/, 'page')
    .transform(Number)
    .refine((n) => n >= 1, 'page')
    .default(1),
  /** One need of the board: the institution's products that fit it. */
  need: z.uuid('not_found').optional(),
});

/** What accepting an interest lets the institution see, and for how long (DESIGN §2 consent). */
export const MATCH_CONSENT_SCOPE = ['financials', 'documents', 'ip_valuations'];

const LIVE_NEED = ['open', 'matched'];

// ---------------------------------------------------------------- enterprise: products for a need

/**
 * The enterprise's view of one of its needs: the fitting products ranked (score desc, rate asc,
 * id), the near misses with the rule that failed, and the institutions' interests. Only open and
 * matched needs are matched; a foreign or unknown need is not found.
 */
/**
 * The need page lists this many fits, the best first (with how many fit in all); the rest on
 * request. Rendering every one of up to MATCH_CANDIDATE_LIMIT cards (a 1 MB page at tier M) cost
 * far more than finding and ranking them.
 */
export const FITS_SHOWN = 10;

export async function matchesForNeed(db: Db, actor: Actor, needId: string, o: { allFits?: boolean } = {}) {
  assertRole(actor, 'enterprise');
  // The need, the institutions' interests, the enterprise's asset options and eligibility facts in
  // one statement (shown only once the scope check passed).
  const row = await needPageRow(db, needId, actor.enterpriseId!);
  if (!row) throw new AppError('not_found');
  const { need, interests, assetOptions, facts } = row;
  assertEnterpriseScope(actor, need.enterpriseId);
  const asOf = zoneDay();
  // The products already applied for from this need: the page links to the application instead of a second one.
  const appliedFor = new Map(row.applications.map((a) => [a.productId, a]));
  // What the need already brought in: the principal of its disbursed applications (the loans' principal).
  const disbursedFen = row.applications.filter((a) => a.status === 'disbursed').reduce((s, a) => s + BigInt(a.approvedAmountFen ?? 0), 0n);
  const page = { need, asOf, interests, assetOptions, appliedFor, disbursedFen, categories: await productCategories(db) };
  if (!LIVE_NEED.includes(need.status)) return { ...page, fits: [], fitsTotal: 0, nearMisses: [] };
  if (!facts) throw new AppError('not_found');
  const { fits, nearMisses } = rankCandidates(need, await needCandidates(db, need), facts, asOf);
  return { ...page, fits: o.allFits ? fits : fits.slice(0, FITS_SHOWN), fitsTotal: fits.length, nearMisses };
}

// ---------------------------------------------------------------- institution: needs for its products

/**
 * One page of (open need, own product) pairs that fit — every hard rule in SQL, then each
 * enterprise's eligibility here — ranked within the page as for an enterprise. Pairs whose
 * enterprise misses an eligibility rule are left out and counted.
 */
export async function fitsForInstitution(db: Db, actor: Actor, page: number, needId?: string | null) {
  assertRole(actor, 'institution');
  const institutionId = actor.institutionId!;
  const pageSize = PAGE_SIZE_FITS;
  const pairs = await institutionFitPairs(db, institutionId, { limit: pageSize, offset: (page - 1) * pageSize, needId });
  const [facts, medians] = await Promise.all([
    eligibilityFactsFor(
      db,
      pairs.items.map((p) => p.need.enterpriseId),
    ),
    responseTimesNow(db),
  ]);
  const median = medians.get(institutionId)?.firstActionHoursExact ?? null;
  const asOf = zoneDay();
  let notEligible = 0;
  const items = pairs.items.flatMap((row) => {
    const f = facts.get(row.need.enterpriseId);
    if (!f || classifyCandidate(row.need, row.product, f, asOf).kind !== 'fit') {
      notEligible++;
      return [];
    }
    return [{ ...row, ...scoreMatch(row.need, row.product, f, asOf, median) }];
  });
  const key = (i: (typeof items)[number]) => ({ score: i.score, effectiveRateMinBp: i.product.effectiveRateMinBp, id: `${i.need.id}:${i.product.id}` });
  items.sort((a, b) => compareRanked(key(a), key(b)));
  return { items, total: pairs.total, capped: pairs.capped, page, pageSize, notEligible, medianResponseHours: median };
}

// ---------------------------------------------------------------- an officer's interest

/**
 * A need × product pair scored now, as the need page ranks it: the product's effective minimum rate
 * (LPR priced) and its institution's median hours to first action from the shared snapshot.
 */
function scorePair(
  need: Parameters<typeof scoreMatch>[0],
  own: Omit<MatchProduct, 'effectiveRateMinBp'> & { institutionId: string },
  published: { effectiveRateMinBp: number | string },
  facts: Parameters<typeof scoreMatch>[2],
  times: Map<string, ResponseTimes>,
) {
  return scoreMatch(
    need,
    { ...own, effectiveRateMinBp: Number(published.effectiveRateMinBp) },
    facts,
    zoneDay(),
    times.get(own.institutionId)?.firstActionHoursExact ?? null,
  );
}

/**
 * An officer expresses interest in a need for one of the institution's published products: the
 * match (need × product) becomes source 'institution', status 'contacted', scored now; the need's
 * first institution action is recorded and the enterprise notified. Idempotent: a second call
 * returns the same match and notifies nobody. A declined interest cannot be renewed.
 */
export async function expressInterest(
  db: Db,
  actor: Actor,
  needId: string,
  productId: string,
  requestId?: string | null,
): Promise<{ match: MatchRow; created: boolean }> {
  assertRole(actor, 'institution');
  // Before the transaction: read from the shared snapshot, never computed under the need's lock.
  const times = await responseTimesNow(db);
  return db.transaction(async (tx) => {
    const t: Db = tx;
    // Need first, then match: the same lock order as respondToInterest.
    const need = await lockNeed(t, needId);
    if (!need) throw new AppError('not_found');
    const own = await getProduct(t, productId);
    if (!own) throw new AppError('not_found');
    assertInstitutionScope(actor, own.institutionId);
    const product = await getPublishedProduct(t, productId);
    if (!product) throw new AppError('conflict', own.status === 'published' ? 'institution_not_active' : 'matching.errors.product_not_published');
    if (!LIVE_NEED.includes(need.status)) throw new AppError('conflict', 'matching.errors.need_closed');

    const existing = await lockMatchOf(t, needId, productId);
    if (existing && (existing.status === 'contacted' || existing.status === 'applied')) return { match: existing, created: false };
    if (existing?.status === 'declined') throw new AppError('conflict', 'matching.errors.declined');

    const facts = await getEligibilityFacts(t, need.enterpriseId);
    if (!facts) throw new AppError('not_found');
    // The zone rejected the enterprise: its needs are off the board (needOfAdmittedEnterprise).
    if (facts.verificationStatus === 'rejected') throw new AppError('conflict', 'matching.errors.need_closed');
    const { score, reasons } = scorePair(need, own, product, facts, times);

    let match: MatchRow;
    if (existing) {
      match = await applyTransition<MatchStatus, MatchAction, MatchRow>(t, {
        machine: matchMachine,
        table: matches,
        id: existing.id,
        action: 'contact',
        actor,
        requestId,
        changes: () => ({ source: 'institution', score, reasons }),
      });
    } else {
      match = await insertMatch(t, { needId, productId, source: 'institution', status: 'contacted', score, reasons, createdBy: actor.userId });
      await writeAudit(t, { actor, action: 'match.create', entity: 'match', entityId: match.id, after: match, requestId });
    }
    await markFirstInstitutionAction(t, needId);
    await notifyEnterprise(t, need.enterpriseId, {
      kind: 'match.interest',
      params: { needId, institution: product.institutionName, enterprise: own.name },
      entity: 'match',
      entityId: match.id,
    });
    return { match, created: true };
  });
}

// ---------------------------------------------------------------- the enterprise's choice

/**
 * An application from a need (DESIGN §2: a match is an engine recommendation, an institution's
 * interest or the enterprise's choice): the need × product match becomes 'applied'. A suggestion or
 * an institution's interest moves there through the machine (audited); with none, the enterprise's
 * own choice is recorded, scored now, so the officer's workbench shows why the product fits. A match
 * the enterprise declined stays declined. Runs in the submitting transaction, the need locked before
 * the match as everywhere else. `times`: the response-times snapshot, read by the caller before its
 * transaction (as expressInterest does), never computed under the need's lock.
 */
export async function matchApplied(
  t: Db,
  actor: Actor,
  needId: string,
  productId: string,
  times: Map<string, ResponseTimes>,
  requestId?: string | null,
): Promise<MatchRow | null> {
  assertRole(actor, 'enterprise');
  const need = await lockNeed(t, needId);
  if (!need) throw new AppError('not_found');
  assertEnterpriseScope(actor, need.enterpriseId);
  const existing = await lockMatchOf(t, needId, productId);
  if (existing) {
    if (existing.status !== 'suggested' && existing.status !== 'contacted') return existing;
    return applyTransition<MatchStatus, MatchAction, MatchRow>(t, {
      machine: matchMachine,
      table: matches,
      id: existing.id,
      action: 'apply',
      actor,
      requestId,
    });
  }
  const [own, published, facts] = await Promise.all([getProduct(t, productId), getPublishedProduct(t, productId), getEligibilityFacts(t, need.enterpriseId)]);
  if (!own || !published || !facts) return null;
  const { score, reasons } = scorePair(need, own, published, facts, times);
  const match = await insertMatch(t, { needId, productId, source: 'enterprise', status: 'applied', score, reasons, createdBy: actor.userId });
  await writeAudit(t, { actor, action: 'match.create', entity: 'match', entityId: match.id, after: match, requestId });
  return match;
}

// ---------------------------------------------------------------- the enterprise's answer

/**
 * The enterprise accepts or declines an institution's interest in its need. Accepting grants that
 * institution a consent (financials, documents, IP valuations; one year), moves an open need to
 * matched and tells the institution; accepting twice changes nothing. Declining closes the match.
 */
export async function respondToInterest(
  db: Db,
  actor: Actor,
  matchId: string,
  accept: boolean,
  requestId?: string | null,
): Promise<{ match: MatchRow; accepted: boolean; changed: boolean }> {
  assertRole(actor, 'enterprise');
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const found = await getMatch(t, matchId);
    if (!found) throw new AppError('not_found');
    const need = await lockNeed(t, found.needId);
    if (!need) throw new AppError('not_found');
    assertEnterpriseScope(actor, need.enterpriseId);
    const match = (await lockMatchOf(t, found.needId, found.productId))!;
    const product = (await getProduct(t, match.productId))!;
    const accepted = await isMatchAccepted(t, match.id);
    const enterprise = await getEnterpriseWithPark(t, need.enterpriseId);
    const who = enterprise?.enterprise.name ?? '';

    if (!accept) {
      if (accepted) throw new AppError('conflict', 'matching.errors.already_accepted');
      const after = await applyTransition<MatchStatus, MatchAction, MatchRow>(t, {
        machine: matchMachine,
        table: matches,
        id: match.id,
        action: 'decline',
        actor,
        requestId,
      });
      await notifyInstitution(t, product.institutionId, {
        kind: 'match.declined',
        params: { enterprise: who, product: product.name },
        entity: 'match',
        entityId: match.id,
      });
      return { match: after, accepted: false, changed: true };
    }

    if (match.status !== 'contacted') throw new AppError('conflict', 'matching.errors.not_contacted');
    if (accepted) return { match, accepted: true, changed: false };
    if (!LIVE_NEED.includes(need.status)) throw new AppError('conflict', 'matching.errors.need_closed');
    const now = new Date();
    const consent = await insertConsent(t, {
      enterpriseId: need.enterpriseId,
      institutionId: product.institutionId,
      scope: MATCH_CONSENT_SCOPE,
      source: 'match',
      grantedAt: now,
      expiresAt: consentExpiresAt(now),
    });
    await writeAudit(t, { actor, action: 'consent.grant', entity: 'consent', entityId: consent.id, after: consent, requestId });
    await writeAudit(t, {
      actor,
      action: 'match.accept',
      entity: 'match',
      entityId: match.id,
      before: match,
      after: { ...match, consentId: consent.id },
      requestId,
    });
    if (need.status === 'open') await transitionNeed(t, actor, need.id, 'match', requestId);
    await notifyInstitution(t, product.institutionId, {
      kind: 'match.accepted',
      params: { enterpriseId: need.enterpriseId, enterprise: who, product: product.name },
      entity: 'match',
      entityId: match.id,
    });
    return { match, accepted: true, changed: true };
  });
}
