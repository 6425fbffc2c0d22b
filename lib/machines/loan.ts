// Loans, pledges (质押) and risk-compensation claims (补偿申请) as state machines (DESIGN.md §2).
// db/transition.ts applies them with a row lock and an audit row; lib/loans.ts, lib/pledges.ts and
// lib/schemes.ts say when.
import { defineMachine } from './state-machine';

/**
 * loan: active → repaid; active → overdue (逾期) → active (cured) / defaulted (不良); defaulted →
 * compensated (代偿, when a scheme claim is paid) / written_off (核销). Repayment itself is
 * recordRepayment; 'repay' is the move it makes when the outstanding principal reaches zero.
 */
export const loanMachine = defineMachine({
  entity: 'loan',
  states: ['active', 'overdue', 'repaid', 'defaulted', 'compensated', 'written_off'] as const,
  actions: {
    repay: { from: ['active'], to: 'repaid', roles: ['institution'] },
    mark_overdue: { from: ['active'], to: 'overdue', roles: ['institution'] },
    cure: { from: ['overdue'], to: 'active', roles: ['institution'] },
    default: { from: ['overdue'], to: 'defaulted', roles: ['institution'] },
    compensate: { from: ['defaulted'], to: 'compensated', roles: ['admin'] },
    write_off: { from: ['defaulted'], to: 'written_off', roles: ['institution'] },
  },
});
export type LoanAction = keyof typeof loanMachine.actions;
export type LoanStatus = (typeof loanMachine.states)[number];
/** The moves an officer makes by hand; repay and compensate follow from repayments and claims. */
export const LOAN_LIFECYCLE_ACTIONS = ['mark_overdue', 'cure', 'default', 'write_off'] as const satisfies readonly LoanAction[];
export type LoanLifecycleAction = (typeof LOAN_LIFECYCLE_ACTIONS)[number];

/**
 * pledge: pending_registration → registered (质押登记 with the IP office) → released (loan repaid) |
 * enforced (the pledgee realises it after default); pending_registration → released when the
 * application is withdrawn after approval (the enterprise withdraws, or the institution cancels).
 */
export const pledgeMachine = defineMachine({
  entity: 'pledge',
  states: ['pending_registration', 'registered', 'released', 'enforced'] as const,
  actions: {
    register: { from: ['pending_registration'], to: 'registered', roles: ['institution'] },
    release: { from: ['registered'], to: 'released', roles: ['institution'] },
    cancel: { from: ['pending_registration'], to: 'released', roles: ['enterprise', 'institution'] },
    enforce: { from: ['registered'], to: 'enforced', roles: ['institution'] },
  },
});
export type PledgeAction = keyof typeof pledgeMachine.actions;
export type PledgeStatus = (typeof pledgeMachine.states)[number];

/** claim on a risk-sharing scheme: filed → approved → paid | filed → rejected; the fund's admins decide. */
export const claimMachine = defineMachine({
  entity: 'claim',
  states: ['filed', 'approved', 'paid', 'rejected'] as const,
  actions: {
    approve: { from: ['filed'], to: 'approved', roles: ['admin'] },
    pay: { from: ['approved'], to: 'paid', roles: ['admin'] },
    reject: { from: ['filed'], to: 'rejected', roles: ['admin'] },
  },
});
export type ClaimAction = keyof typeof claimMachine.actions;
export type ClaimStatus = (typeof claimMachine.states)[number];
