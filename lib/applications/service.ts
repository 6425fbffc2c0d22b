// Applications: an enterprise applies to a product (from a need or directly); the product's
// institution accepts (受理), approves (授信), and disburses (放款), or rejects; the enterprise
// may withdraw before disbursement. Every step goes through the application machine in one
// transaction with its audit row, a timeline event both sides see, and a notification.
import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import {
  applicationAssetIds,
  createPledgeWithAssets,
  disbursedForNeed,
  enrol,
  findByIdempotencyKey,
  grantConsent,
  insertApplicationAssets,
  insertApplicationOnce,
  insertEvent,
  insertLoan,
  linkPledgeToLoan,
  pledgeOfApplication,
} from '../../db/queries/applications';
import { writeAudit } from '../../db/queries/audit';
import { answerMaterialRequests, currentVersionsOf, insertMaterialRequest, shareVersions } from '../../db/queries/documents';
import { getNeedWithAssets } from '../../db/queries/needs';
import { lprOn } from '../../db/queries/lpr';
import { getProduct, getPublishedProduct } from '../../db/queries/products';
import { findProductCategory } from '../../db/queries/product-categories';
import { applications, type Application } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { applicationMachine, type ApplicationAction } from '../machines/application';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { addMonths, zoneDay } from '../core/dates';
import { AppError, pgConstraint, pgErrorCode } from '../core/errors';
import { checkAssetsPledgeable } from '../ip/assets';
import { disbursalInstant, earliestDisbursal } from './disbursal';
import { rateRangeBp } from '../loans/cost';
import { cancelPledge } from '../ip/pledges';
import { transitionNeed } from '../needs/service';
import { matchApplied } from '../matching/service';
import { responseTimesNow } from '../institutions/response-times';
import { consentExpiresAt } from '../core/consent-term';
import { notifyEnterprise, notifyInstitution } from '../notifications/notify';
import type { ApplicationDecision, ApplicationForm } from '../validation/application';

/** The body an idempotency key stands for: the same key with another body is refused. */
export function requestHash(input: ApplicationForm): string {
  const parts: unknown[] = [input.productId, input.needId, input.amountFen.toString(), input.termMonths, [...input.ipAssetIds].sort()];
  // The shared documents and the chosen repayment method are part of the body too; a body without
  // them hashes as it did before they existed, so keys stored earlier still replay.
  if (input.repaymentMethod !== null || input.documentIds.length > 0) parts.push(input.repaymentMethod, [...input.documentIds].sort());
  const canonical = JSON.stringify(parts);
  return createHash('sha256').update(canonical).digest('hex');
}

export async function submitApplication(
  db: Db,
  actor: Actor,
  input: ApplicationForm,
  requestId?: string | null,
): Promise<{ application: Application; created: boolean }> {
  assertRole(actor, 'enterprise');
  const enterpriseId = actor.enterpriseId!;
  const hash = requestHash(input);
  const replay = (existing: Application) => {
    if (existing.requestHash !== hash) throw new AppError('conflict', 'applications.errors.idempotency_mismatch');
    return { application: existing, created: false };
  };
  // Applying from a need scores its match with the response-times snapshot: read before the
  // transaction, never computed under the need's lock (as expressInterest does).
  const times = input.needId ? await responseTimesNow(db) : null;
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const existing = await findByIdempotencyKey(t, enterpriseId, input.idempotencyKey);
    if (existing) return replay(existing);

    const row = await getPublishedProduct(t, input.productId);
    if (!row) throw new AppError('not_found', 'not_found', { field: 'productId' });
    const p = row.product;
    if (input.amountFen < p.amountMinFen || input.amountFen > p.amountMaxFen)
      throw new AppError('invalid', 'applications.errors.amount_range', { field: 'amountWan' });
    if (input.termMonths < p.termMinMonths || input.termMonths > p.termMaxMonths)
      throw new AppError('invalid', 'applications.errors.term_range', { field: 'termMonths' });
    if (input.needId) {
      const need = await getNeedWithAssets(t, input.needId);
      if (!need || need.enterpriseId !== enterpriseId) throw new AppError('not_found', 'not_found', { field: 'needId' });
      if (need.status !== 'open' && need.status !== 'matched') throw new AppError('conflict', 'needs.errors.not_open');
    }
    const repaymentMethod = input.repaymentMethod ?? p.repaymentMethods[0];
    if (!p.repaymentMethods.includes(repaymentMethod)) throw new AppError('invalid', 'documents.errors.repayment_method', { field: 'repaymentMethod' });
    const versionIds = await sharedVersionIds(t, enterpriseId, input.documentIds);
    const assetIds = [...new Set(input.ipAssetIds)];
    const pledgesIp = row.pledgesIp;
    if (pledgesIp) {
      if (assetIds.length === 0) throw new AppError('invalid', 'applications.errors.assets_required', { field: 'ipAssetIds' });
      const failures = await checkAssetsPledgeable(t, enterpriseId, assetIds, addMonths(zoneDay(), input.termMonths));
      if (failures.some((f) => f.reasons.includes('owner'))) throw new AppError('not_found', 'not_found', { field: 'ipAssetIds' });
      if (failures.length) throw new AppError('invalid', `applications.errors.asset_${failures[0].reasons[0]}`, { field: 'ipAssetIds', failures });
    }

    const created = await insertApplicationOnce(t, {
      enterpriseId,
      productId: p.id,
      institutionId: p.institutionId,
      needId: input.needId,
      amountFen: input.amountFen,
      termMonths: input.termMonths,
      repaymentMethod,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
      createdBy: actor.userId,
    });
    if (!created) {
      // A concurrent request with the same key won the insert.
      const winner = await findByIdempotencyKey(t, enterpriseId, input.idempotencyKey);
      return replay(winner!);
    }
    if (pledgesIp) await insertApplicationAssets(t, created.id, assetIds);
    // The chosen vault documents go to the institution with the consent granted below.
    await shareVersions(t, created.id, versionIds, actor.userId);
    await insertEvent(t, { applicationId: created.id, actorUserId: actor.userId, fromStatus: null, toStatus: 'submitted', reasonCode: 'submitted' });
    // Applying lets the product's institution see the enterprise's financial details (DESIGN §2).
    await grantConsent(t, enterpriseId, p.institutionId, 'application', consentExpiresAt(new Date()));
    await writeAudit(t, { actor, action: 'application.submit', entity: 'application', entityId: created.id, after: created, requestId });
    await notifyInstitution(t, p.institutionId, {
      kind: 'application.submitted',
      params: { applicationId: created.id, product: p.name, amountFen: created.amountFen, termMonths: created.termMonths },
      entity: 'application',
      entityId: created.id,
    });
    if (input.needId) {
      const need = await getNeedWithAssets(t, input.needId);
      if (need?.status === 'open') await transitionNeed(t, actor, input.needId, 'match', requestId);
      // The need × product match is now 'applied' (the enterprise's choice when nobody suggested it).
      await matchApplied(t, actor, input.needId, p.id, times!, requestId);
    }
    return { application: created, created: true };
  });
}

export type TransitionInput = ApplicationDecision;

/**
 * Moves an application one step. An illegal step (approving a withdrawn application, disbursing
 * before approval, approving twice) is refused and changes nothing; when several officers act at
 * once, the row lock lets exactly one win and the rest get a conflict.
 */
/**
 * The annual rates an approval of this product may carry, in basis points: its range, or LPR + its
 * spreads for a spread-priced product (at today's 1-year LPR) — the range the officer's workbench
 * shows. Null when a spread-priced product has no LPR to price against (nothing to check against).
 */
async function productRateRange(db: Db, product: { rateType: 'fixed' | 'lpr_spread'; rateMinBp: number; rateMaxBp: number }) {
  const lpr = product.rateType === 'fixed' ? null : await lprOn(db, zoneDay());
  return rateRangeBp(product, lpr?.oneYearBp ?? null);
}

export async function transitionApplication(db: Db, actor: Actor, input: TransitionInput, requestId?: string | null): Promise<Application> {
  const action = input.action;
  // The product, read at most once per transition (the approval's checks and the notification's name).
  let product: Promise<Awaited<ReturnType<typeof getProduct>>> | undefined;
  const productOf = (tx: Db, id: string) => (product ??= getProduct(tx, id));
  return applyTransition<Application['status'], ApplicationAction, Application>(db, {
    machine: applicationMachine,
    table: applications,
    id: input.applicationId,
    action,
    actor,
    requestId,
    // Each side sees its own applications (others: not found); the machine then says who may act.
    authorise: (row) => {
      if (actor.role === 'enterprise') assertEnterpriseScope(actor, row.enterpriseId);
      else assertInstitutionScope(actor, row.institutionId);
    },
    changes: async (row, _to, tx) => {
      const now = new Date();
      const first = row.firstActionAt ?? now;
      switch (input.action) {
        case 'accept':
          return { firstActionAt: first };
        case 'request_materials': // the institution's first action, for the response-time figures too
          return { firstActionAt: first };
        case 'approve': {
          const product = await productOf(tx, row.productId);
          if (input.approvedAmountFen > row.amountFen)
            throw new AppError('invalid', 'applications.errors.approved_above_applied', { field: 'approvedAmountWan' });
          if (product && (input.approvedAmountFen < product.amountMinFen || input.approvedAmountFen > product.amountMaxFen))
            throw new AppError('invalid', 'applications.errors.amount_range', { field: 'approvedAmountWan' });
          if (product && (input.approvedTermMonths < product.termMinMonths || input.approvedTermMonths > product.termMaxMonths))
            throw new AppError('invalid', 'applications.errors.term_range', { field: 'approvedTermMonths' });
          // The method approved — the officer's, else the one applied for — must be one the product offers now.
          const method = input.repaymentMethod ?? row.repaymentMethod;
          if (product && method && !product.repaymentMethods.includes(method))
            throw new AppError('invalid', 'documents.errors.repayment_method', { field: 'repaymentMethod' });
          if (product) {
            const range = await productRateRange(tx, product);
            if (range && (input.approvedRate < range.minBp || input.approvedRate > range.maxBp))
              throw new AppError('invalid', 'applications.errors.rate_outside_product', { field: 'approvedRate' });
          }
          return {
            firstActionAt: first,
            decidedAt: now,
            approvedAmountFen: input.approvedAmountFen,
            approvedRateBp: input.approvedRate,
            approvedTermMonths: input.approvedTermMonths,
            // The applied-for method stays as the enterprise chose it; the approval's is its own fact.
            approvedRepaymentMethod: input.repaymentMethod ?? row.repaymentMethod ?? null,
          };
        }
        case 'reject':
          return { firstActionAt: first, decidedAt: now, rejectReason: input.reason };
        case 'disburse': {
          // The value date: today, or a day since the approval that the officer records late.
          const on = input.disbursedOn ?? zoneDay(now);
          if (on > zoneDay(now)) throw new AppError('invalid', 'date_future', { field: 'disbursedOn' });
          let pledgeRegisteredOn: string | null = null;
          // The application's own pledge decides (made at approval from the assets it offered), not the
          // product's category now; a pledging category without one still waits for it.
          const [product, pledge] = await Promise.all([getProduct(tx, row.productId), pledgeOfApplication(tx, row.id)]);
          if (pledge || (product && (await findProductCategory(tx, product.category))?.pledgesIp)) {
            if (pledge?.status !== 'registered') throw new AppError('conflict', 'applications.errors.pledge_not_registered');
            pledgeRegisteredOn = pledge.registeredOn;
          }
          const earliest = earliestDisbursal(row.decidedAt ? zoneDay(row.decidedAt) : '', pledgeRegisteredOn);
          if (on < earliest.day) throw new AppError('invalid', earliest.key, { field: 'disbursedOn' });
          return { disbursedAt: disbursalInstant(on, now, row.decidedAt) };
        }
        default:
          return {};
      }
    },
    after: async (tx, before, after) => {
      await insertEvent(tx, {
        applicationId: after.id,
        actorUserId: actor.userId,
        fromStatus: before.status,
        toStatus: after.status,
        reasonCode: action,
        note: input.action === 'reject' || input.action === 'request_materials' ? input.reason : null,
      });
      if (input.action === 'request_materials')
        await insertMaterialRequest(tx, { applicationId: after.id, kinds: input.kinds, reason: input.reason, requestedBy: actor.userId });
      if (input.action === 'resubmit') {
        await shareVersions(tx, after.id, await sharedVersionIds(tx, after.enterpriseId, input.documentIds), actor.userId);
        await answerMaterialRequests(tx, after.id);
      }
      const about = { entity: 'application', entityId: after.id };
      const params = { applicationId: after.id, product: (await productOf(tx, after.productId))?.name ?? '' };
      if (input.action === 'withdraw' || input.action === 'resubmit')
        await notifyInstitution(tx, after.institutionId, { kind: `application.${input.action}`, params, ...about });
      else if (input.action === 'reject' || input.action === 'request_materials')
        await notifyEnterprise(tx, after.enterpriseId, { kind: `application.${input.action}`, params: { ...params, reason: input.reason }, ...about });
      else if (input.action === 'approve')
        // The terms granted, so the notice says what was approved (older notices have none).
        await notifyEnterprise(tx, after.enterpriseId, {
          kind: 'application.approve',
          params: {
            ...params,
            amountFen: String(after.approvedAmountFen),
            rateBp: after.approvedRateBp ?? undefined,
            termMonths: after.approvedTermMonths ?? undefined,
          },
          ...about,
        });
      else await notifyEnterprise(tx, after.enterpriseId, { kind: `application.${input.action}`, params, ...about });

      if (action === 'approve') await pledgeOnApproval(tx, after);
      if (action === 'withdraw') await cancelPendingPledge(tx, actor, after.id, requestId);
      if (action === 'disburse') await createLoan(tx, actor, after, requestId);
    },
  });
}

/** The current versions of the enterprise's documents with these ids; another's id is not found. */
async function sharedVersionIds(db: Db, enterpriseId: string, documentIds: string[]): Promise<string[]> {
  const ids = [...new Set(documentIds)];
  const rows = await currentVersionsOf(db, enterpriseId, ids);
  if (rows.length !== ids.length || rows.some((r) => !r.versionId)) throw new AppError('not_found', 'not_found', { field: 'documentIds' });
  return rows.map((r) => r.versionId!);
}

/** IP-pledge products: the offered assets go into a pledge pending registration. */
async function pledgeOnApproval(tx: Db, app: Application) {
  const assetIds = await applicationAssetIds(tx, app.id);
  if (assetIds.length === 0) return;
  try {
    await createPledgeWithAssets(tx, app.id, assetIds);
  } catch (e) {
    if (pgErrorCode(e) === '23505' && (pgConstraint(e) ?? '').includes('pledge_assets_one_live'))
      throw new AppError('conflict', 'applications.errors.asset_pledged');
    throw e;
  }
}

async function cancelPendingPledge(tx: Db, actor: Actor, applicationId: string, requestId?: string | null) {
  const pledge = await pledgeOfApplication(tx, applicationId);
  if (!pledge || pledge.status !== 'pending_registration') return;
  await cancelPledge(tx, actor, pledge.id, requestId);
}

async function createLoan(tx: Db, actor: Actor, app: Application, requestId?: string | null) {
  const product = await getProduct(tx, app.productId);
  if (!product) throw new AppError('not_found');
  const disbursedAt = app.disbursedAt ?? new Date();
  const disbursedOn = zoneDay(disbursedAt);
  const term = app.approvedTermMonths ?? app.termMonths;
  const principal = app.approvedAmountFen ?? app.amountFen;
  const loan = await insertLoan(tx, {
    applicationId: app.id,
    enterpriseId: app.enterpriseId,
    institutionId: app.institutionId,
    productId: app.productId,
    principalFen: principal,
    annualRateBp: app.approvedRateBp ?? product.rateMinBp,
    termMonths: term,
    repaymentMethod: app.approvedRepaymentMethod ?? app.repaymentMethod ?? product.repaymentMethods[0],
    disbursedOn,
    disbursedAt,
    maturesOn: addMonths(disbursedOn, term),
    outstandingFen: principal,
  });
  await writeAudit(tx, { actor, action: 'loan.create', entity: 'loan', entityId: loan.id, after: loan, requestId });
  const pledge = await pledgeOfApplication(tx, app.id);
  if (pledge) await linkPledgeToLoan(tx, pledge.id, loan.id);
  // 报项目: a loan of a scheme's product is enrolled in that scheme.
  if (product.schemeId) await enrol(tx, product.schemeId, loan.id, actor.userId, disbursedAt);
  if (app.needId) {
    const need = await getNeedWithAssets(tx, app.needId);
    if (need && (need.status === 'open' || need.status === 'matched') && (await disbursedForNeed(tx, app.needId)) >= need.amountFen) {
      await transitionNeed(tx, actor, app.needId, 'fulfil', requestId);
    }
  }
}
