// Risk-sharing schemes (风险补偿资金, 融担贷): admins record contributions to a fund; the
// institution of a defaulted loan enrolled in a scheme (报项目) files a claim (补偿申请); an admin
// approves and pays it (代偿) or rejects it. The fund's balance never goes below zero: payouts lock
// the scheme row and pay at most what is left, and the database checks balance_fen >= 0 besides.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import { enrolmentOfLoan, lockLoan, openClaimOfLoan } from '../../db/queries/loans';
import {
  addToBalance,
  claimContext,
  getScheme,
  insertClaim,
  insertContribution,
  listClaims,
  listContributions,
  listSchemesWithFigures,
  lockScheme,
  schemeFigureRow,
} from '../../db/queries/schemes';
import { claims, type Claim } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { claimMachine, type ClaimAction, type ClaimStatus } from '../machines/claim';
import { moveLoan } from '../loans/service';
import { notifyAdmins, notifyInstitution } from '../notifications/notify';
import { NOTE_MAX, REASON_MAX } from '../validation/loans';

const min = (...xs: bigint[]) => xs.reduce((a, b) => (b < a ? b : a));

/**
 * compensation = min(fund share × loss, cap per loan, fund balance) (DESIGN.md §2). The share is
 * basis points of the loss, floored to the fen: the fund never pays a fraction of a fen more than
 * its share.
 */
export function compensationFor(scheme: { shareFundBp: number; capPerLoanFen: bigint; balanceFen: bigint }, lossFen: bigint): bigint {
  const byShare = (BigInt(scheme.shareFundBp) * lossFen) / 10_000n;
  const c = min(byShare, scheme.capPerLoanFen, scheme.balanceFen);
  return c > 0n ? c : 0n;
}

export async function recordContribution(
  db: Db,
  actor: Actor,
  schemeId: string,
  input: { amountFen: bigint; contributedOn: string; note?: string | null },
  requestId?: string | null,
) {
  assertRole(actor, 'admin');
  if (input.amountFen <= 0n) throw new AppError('invalid', 'amount_positive', { field: 'amountWan' });
  if (input.contributedOn > zoneDay()) throw new AppError('invalid', 'date_future', { field: 'contributedOn' });
  const note = (input.note ?? '').trim();
  if (note.length > NOTE_MAX) throw new AppError('invalid', 'too_long', { field: 'note' });
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockScheme(t, schemeId);
    if (!before) throw new AppError('not_found');
    const contribution = await insertContribution(t, {
      schemeId,
      amountFen: input.amountFen,
      contributedOn: input.contributedOn,
      note: note || null,
      recordedBy: actor.userId,
    });
    const after = (await addToBalance(t, schemeId, input.amountFen))!;
    await writeAudit(t, {
      actor,
      action: 'risk_scheme.contribute',
      entity: 'risk_scheme',
      entityId: schemeId,
      before: { balanceFen: before.balanceFen },
      after: { balanceFen: after.balanceFen, contribution },
      requestId,
    });
    return { contribution, balanceFen: after.balanceFen };
  });
}

/**
 * The institution of a defaulted loan enrolled in a scheme files a claim for its loss (at most the
 * outstanding principal). One claim in progress per loan; a rejected one may be filed again.
 */
export async function fileClaim(db: Db, actor: Actor, loanId: string, input: { lossFen: bigint }, requestId?: string | null): Promise<Claim> {
  assertRole(actor, 'institution');
  if (input.lossFen <= 0n) throw new AppError('invalid', 'amount_positive', { field: 'lossWan' });
  return db.transaction(async (tx) => {
    const t: Db = tx;
    // The loan row lock serialises two filings for the same loan: the second sees the first's claim.
    const loan = await lockLoan(t, loanId);
    if (!loan) throw new AppError('not_found');
    assertInstitutionScope(actor, loan.institutionId);
    if (loan.status !== 'defaulted') throw new AppError('conflict', 'loans.errors.not_defaulted');
    const enrolment = await enrolmentOfLoan(t, loanId);
    if (!enrolment) throw new AppError('conflict', 'loans.errors.not_enrolled');
    if (await openClaimOfLoan(t, loanId)) throw new AppError('conflict', 'loans.errors.claim_open');
    if (input.lossFen > loan.outstandingFen) throw new AppError('invalid', 'loans.errors.loss_above_outstanding', { field: 'lossWan' });
    const scheme = (await getScheme(t, enrolment.schemeId))!;
    if (scheme.balanceFen === 0n) throw new AppError('conflict', 'loans.errors.fund_empty');
    const compensationFen = compensationFor(scheme, input.lossFen);
    if (compensationFen === 0n) throw new AppError('invalid', 'loans.errors.no_compensation', { field: 'lossWan' });
    const claim = await insertClaim(t, { enrolmentId: enrolment.id, lossFen: input.lossFen, compensationFen, status: 'filed', filedBy: actor.userId });
    await writeAudit(t, { actor, action: 'claim.file', entity: 'claim', entityId: claim.id, after: claim, requestId });
    await notifyAdmins(t, {
      kind: 'claim.filed',
      params: { scheme: scheme.name, lossFen: input.lossFen, compensationFen },
      entity: 'claim',
      entityId: claim.id,
    });
    return claim;
  });
}

async function claimInScope(db: Db, claimId: string) {
  const ctx = await claimContext(db, claimId);
  if (!ctx) throw new AppError('not_found');
  return ctx;
}

/** An admin approves a filed claim, or rejects it with a reason the institution reads. */
export async function decideClaim(
  db: Db,
  actor: Actor,
  claimId: string,
  decision: 'approve' | 'reject',
  reason?: string | null,
  requestId?: string | null,
): Promise<Claim> {
  assertRole(actor, 'admin');
  const note = (reason ?? '').trim();
  if (decision === 'reject' && note === '') throw new AppError('invalid', 'loans.errors.reason_required', { field: 'reason' });
  if (note.length > REASON_MAX) throw new AppError('invalid', 'too_long', { field: 'reason' });
  const ctx = await claimInScope(db, claimId);
  return applyTransition<ClaimStatus, ClaimAction, Claim>(db, {
    machine: claimMachine,
    table: claims,
    id: claimId,
    action: decision,
    actor,
    requestId,
    changes: () => ({ decidedBy: actor.userId, decidedAt: new Date(), rejectReason: decision === 'reject' ? note : null }),
    after: async (tx, _before, after) => {
      const about = { entity: 'claim', entityId: claimId };
      if (decision === 'approve')
        await notifyInstitution(tx, ctx.institutionId, {
          kind: 'claim.approve',
          params: { loanId: ctx.loanId, scheme: ctx.schemeName, compensationFen: after.compensationFen },
          ...about,
        });
      else await notifyInstitution(tx, ctx.institutionId, { kind: 'claim.reject', params: { loanId: ctx.loanId, reason: note }, ...about });
    },
  });
}

/**
 * An admin pays an approved claim (代偿). The scheme row is locked FOR UPDATE, so two payouts from
 * one fund serialise and the second sees what the first left: each pays min(its compensation,
 * balance) — in full, or the remainder. An empty fund pays nothing: the claim stays approved until
 * a contribution arrives. The paid amount replaces the claim's compensation, paid_at is set, the
 * loan moves defaulted → compensated, and all of it is audited in one transaction.
 */
export async function payClaim(db: Db, actor: Actor, claimId: string, requestId?: string | null): Promise<Claim> {
  assertRole(actor, 'admin');
  const ctx = await claimInScope(db, claimId);
  let balances: { before: bigint; after: bigint } | undefined;
  return applyTransition<ClaimStatus, ClaimAction, Claim>(db, {
    machine: claimMachine,
    table: claims,
    id: claimId,
    action: 'pay',
    actor,
    requestId,
    changes: async (row, _to, tx) => {
      const scheme = await lockScheme(tx, ctx.schemeId);
      if (!scheme) throw new AppError('not_found');
      const paid = min(row.compensationFen, scheme.balanceFen);
      if (paid <= 0n) throw new AppError('conflict', 'loans.errors.fund_empty');
      const after = (await addToBalance(tx, scheme.id, -paid))!;
      balances = { before: scheme.balanceFen, after: after.balanceFen };
      return { compensationFen: paid, paidAt: new Date() };
    },
    after: async (tx, before, after) => {
      await writeAudit(tx, {
        actor,
        action: 'risk_scheme.payout',
        entity: 'risk_scheme',
        entityId: ctx.schemeId,
        before: { balanceFen: balances!.before },
        after: { balanceFen: balances!.after, claimId, paidFen: after.compensationFen, approvedFen: before.compensationFen },
        requestId,
      });
      await moveLoan(tx, actor, ctx.loanId, 'compensate', { requestId });
      await notifyInstitution(tx, ctx.institutionId, {
        kind: 'claim.paid',
        params: { loanId: ctx.loanId, scheme: ctx.schemeName, paidFen: after.compensationFen, approvedFen: before.compensationFen },
        entity: 'claim',
        entityId: claimId,
      });
    },
  });
}

/** Enrolled loans, supported enterprises, disbursed principal, claims paid and balance of one scheme (DESIGN.md §4). */
export async function schemeFigures(db: Db, schemeId: string) {
  const f = await schemeFigureRow(db, schemeId);
  if (!f) throw new AppError('not_found');
  return f;
}

/** The admins' page: every scheme with its figures and latest contributions, and the claims to decide or pay. */
export async function schemesOverview(db: Db, actor: Actor, page = 1, pageSize = 20) {
  assertRole(actor, 'admin');
  const schemes = await listSchemesWithFigures(db);
  const [contributions, queue] = await Promise.all([
    Promise.all(schemes.map((s) => listContributions(db, s.id, 5))),
    listClaims(db, { statuses: ['filed', 'approved'] }, { limit: pageSize, offset: (Math.max(1, page) - 1) * pageSize }),
  ]);
  return { schemes: schemes.map((s, i) => ({ ...s, contributions: contributions[i] })), claims: queue };
}
