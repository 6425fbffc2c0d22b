// Loans as a state machine (DESIGN.md §2). engine.ts applies it with a row lock and an audit row;
// lib/loans/service.ts says when.
import { LOAN_STATES } from '../../db/enums';
import { defineMachine } from './define';

/**
 * loan: active → repaid; active → overdue (逾期) → active (cured) / defaulted (不良); defaulted →
 * compensated (代偿, when a scheme claim is paid) / written_off (核销). Repayment itself is
 * recordRepayment; 'repay' is the move it makes when the outstanding principal reaches zero.
 */
export const loanMachine = defineMachine({
  entity: 'loan',
  states: LOAN_STATES,
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
