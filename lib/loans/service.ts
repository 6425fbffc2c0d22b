// The loan book after disbursement (放款): the institution records repayments of principal and
// interest, marks a loan overdue (逾期), cured, defaulted (不良) or written off (核销); the loan is
// repaid when its outstanding principal (在贷余额) reaches zero, and then its pledge is released and
// the pledged assets are free. The enterprise sees its loans and their repayment schedule.
import type { Db } from '../../db/client';
import { writeAudit } from '../../db/queries/audit';
import {
  claimsOfLoan,
  enrolmentOfLoan,
  getLoanWithNames,
  insertRepayment,
  listEnterpriseLoans,
  listInstitutionLoans,
  listRepayments,
  lockLoan,
  openClaimOfLoan,
  pledgeAssetRows,
  pledgesOfLoan,
  repaymentTotals,
  setLoanOutstanding,
} from '../../db/queries/loans';
import { useConsent } from '../../db/queries/needs';
import { loans, type Loan } from '../../db/schema';
import { applyTransition } from '../machines/engine';
import { assertEnterpriseScope, assertInstitutionScope, assertRole, type Actor } from '../auth/actor';
import { addMonths, zoneDay } from '../core/dates';
import { AppError } from '../core/errors';
import { repaymentSchedule, type SchedulePeriod } from './cost';
import { LOAN_LIFECYCLE_ACTIONS, loanMachine, type LoanAction, type LoanLifecycleAction, type LoanStatus } from '../machines/loan';
import { releasePledge } from '../ip/pledges';
import { notifyEnterprise } from '../notifications/notify';
import { LOAN_PAGE_SIZE, type LoanListQuery } from '../validation/loans';

// ---------------------------------------------------------------- schedule

export type ScheduleRow = SchedulePeriod & { dueOn: string };

/**
 * The contractual repayment schedule (还款计划) of a loan, exact to the fen (lib/loans/cost.ts). Period
 * k falls due k months after disbursement; the last on the maturity date.
 */
export function loanSchedule(loan: Pick<Loan, 'principalFen' | 'annualRateBp' | 'termMonths' | 'repaymentMethod' | 'disbursedOn' | 'maturesOn'>) {
  const s = repaymentSchedule({ principalFen: loan.principalFen, annualRateBp: loan.annualRateBp, termMonths: loan.termMonths, method: loan.repaymentMethod });
  const periods: ScheduleRow[] = s.periods.map((p) => ({ ...p, dueOn: p.period === loan.termMonths ? loan.maturesOn : addMonths(loan.disbursedOn, p.period) }));
  return { periods, totalInterestFen: s.totalInterestFen, totalPaymentFen: s.totalPaymentFen };
}

// ---------------------------------------------------------------- reading

async function loanInScope(db: Db, actor: Actor, loanId: string) {
  const loan = await getLoanWithNames(db, loanId);
  if (!loan) throw new AppError('not_found');
  if (actor.role === 'enterprise') assertEnterpriseScope(actor, loan.enterpriseId);
  else assertInstitutionScope(actor, loan.institutionId, { admin: true });
  return loan;
}

/**
 * One loan as its enterprise, its institution or an admin sees it: the loan, its repayments and
 * their totals, its pledges with their assets, its scheme enrolment and claims. Anyone else: not found.
 */
export async function getLoanView(db: Db, actor: Actor, loanId: string) {
  const loan = await loanInScope(db, actor, loanId);
  const [repayments, paid, pledgeRows, enrolment, claims] = await Promise.all([
    listRepayments(db, loanId),
    repaymentTotals(db, loanId),
    pledgesOfLoan(db, loan),
    enrolmentOfLoan(db, loanId),
    claimsOfLoan(db, loanId),
  ]);
  const pledges = await Promise.all(pledgeRows.map(async (p) => ({ ...p, assets: await pledgeAssetRows(db, p.id) })));
  // Assets' valuations are the enterprise's financial details: an institution sees them under a
  // live consent only, each access logged (the pledged value is the pledge's own term).
  if (actor.role === 'institution' && pledges.some((p) => p.assets.some((a) => a.valuationFen !== null))) {
    if ((await useConsent(db, loan.enterpriseId, actor.institutionId!, actor.userId, 'loan_pledge_assets')) === null)
      for (const p of pledges) for (const a of p.assets) a.valuationFen = null;
  }
  return { loan, repayments, paid, pledges, enrolment, claims, schedule: loanSchedule(loan) };
}
export type LoanView = Awaited<ReturnType<typeof getLoanView>>;

function pageOf(page: number) {
  return { limit: LOAN_PAGE_SIZE, offset: (Math.max(1, page) - 1) * LOAN_PAGE_SIZE };
}

export async function loansForEnterprise(db: Db, actor: Actor, page = 1) {
  assertRole(actor, 'enterprise');
  return listEnterpriseLoans(db, actor.enterpriseId!, pageOf(page));
}

export async function loansForInstitution(db: Db, actor: Actor, q: LoanListQuery) {
  assertRole(actor, 'institution');
  return listInstitutionLoans(db, actor.institutionId!, { status: q.status }, pageOf(q.page));
}

// ---------------------------------------------------------------- changing

/**
 * A loan transition through the machine, with the organisation check on the locked row, an audit
 * row and a notice to the enterprise. Nested inside a caller's transaction it is a savepoint.
 */
export async function moveLoan(
  db: Db,
  actor: Actor,
  loanId: string,
  action: LoanAction,
  opts: { requestId?: string | null; changes?: (row: Loan, tx: Db) => Promise<Record<string, unknown>>; after?: (tx: Db, after: Loan) => Promise<void> } = {},
): Promise<Loan> {
  return applyTransition<LoanStatus, LoanAction, Loan>(db, {
    machine: loanMachine,
    table: loans,
    id: loanId,
    action,
    actor,
    requestId: opts.requestId,
    authorise: (row) => assertInstitutionScope(actor, row.institutionId, { admin: action === 'compensate' }),
    changes: async (row, _to, tx) => (opts.changes ? opts.changes(row, tx) : {}),
    after: async (tx, _before, after) => {
      await opts.after?.(tx, after);
      await notifyEnterprise(tx, after.enterpriseId, {
        kind: `loan.${action}`,
        params: { loanId: after.id, principalFen: after.principalFen, outstandingFen: after.outstandingFen },
        entity: 'loan',
        entityId: after.id,
      });
    },
  });
}

/** An officer's move: mark overdue, cure, default or write off. Write-off waits for an open claim to be decided. */
export async function transitionLoan(db: Db, actor: Actor, loanId: string, action: LoanLifecycleAction, requestId?: string | null): Promise<Loan> {
  if (!(LOAN_LIFECYCLE_ACTIONS as readonly string[]).includes(action)) throw new AppError('invalid', 'transition');
  assertRole(actor, 'institution');
  return moveLoan(db, actor, loanId, action, {
    requestId,
    changes: async (row, tx) => {
      if (action === 'write_off' && (await openClaimOfLoan(tx, row.id))) throw new AppError('conflict', 'loans.errors.claim_open');
      return {};
    },
  });
}

export interface RepaymentAmounts {
  principalFen: bigint;
  interestFen: bigint;
  paidOn: string;
}

/**
 * Records a repayment of an active or overdue loan by its institution: the principal part reduces
 * the outstanding principal (never below zero). When it reaches zero the loan is repaid (an overdue
 * loan is cured first, so the history reads overdue → active → repaid), its registered pledge is
 * released and the pledged assets are free again — all in one transaction.
 */
export async function recordRepayment(db: Db, actor: Actor, loanId: string, input: RepaymentAmounts, requestId?: string | null) {
  assertRole(actor, 'institution');
  const { principalFen, interestFen, paidOn } = input;
  if (principalFen < 0n || interestFen < 0n) throw new AppError('invalid', 'amount', { field: 'principalWan' });
  if (principalFen === 0n && interestFen === 0n) throw new AppError('invalid', 'loans.errors.repayment_empty', { field: 'principalWan' });
  if (paidOn > zoneDay()) throw new AppError('invalid', 'date_future', { field: 'paidOn' });
  return db.transaction(async (tx) => {
    const t: Db = tx;
    const before = await lockLoan(t, loanId);
    if (!before) throw new AppError('not_found');
    assertInstitutionScope(actor, before.institutionId);
    if (before.status !== 'active' && before.status !== 'overdue') throw new AppError('conflict', 'loans.errors.not_repayable');
    if (paidOn < before.disbursedOn) throw new AppError('invalid', 'loans.errors.paid_before_disbursement', { field: 'paidOn' });
    if (principalFen > before.outstandingFen) throw new AppError('invalid', 'loans.errors.principal_above_outstanding', { field: 'principalWan' });

    const repayment = await insertRepayment(t, { loanId, paidOn, principalFen, interestFen, recordedBy: actor.userId });
    let loan = await setLoanOutstanding(t, loanId, before.outstandingFen - principalFen);
    await writeAudit(t, {
      actor,
      action: 'loan.repayment',
      entity: 'loan',
      entityId: loanId,
      before: { outstandingFen: before.outstandingFen, status: before.status },
      after: { outstandingFen: loan.outstandingFen, repayment },
      requestId,
    });
    await notifyEnterprise(t, loan.enterpriseId, {
      kind: 'loan.repayment',
      params: { loanId, principalFen, interestFen, outstandingFen: loan.outstandingFen, paidOn },
      entity: 'loan',
      entityId: loanId,
    });

    if (loan.outstandingFen === 0n) {
      if (loan.status === 'overdue') loan = await moveLoan(t, actor, loanId, 'cure', { requestId });
      loan = await moveLoan(t, actor, loanId, 'repay', {
        requestId,
        after: async (tx2, repaid) => {
          for (const p of await pledgesOfLoan(tx2, repaid)) {
            if (p.status === 'registered') await releasePledge(tx2, actor, p.id, requestId);
          }
        },
      });
    }
    return { loan, repayment };
  });
}
