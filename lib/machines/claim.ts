// Risk-compensation claims (补偿申请, DESIGN.md §2); lib/schemes/service.ts says when.
import { CLAIM_STATES } from '../../db/enums';
import { defineMachine } from './define';

/** claim on a risk-sharing scheme: filed → approved → paid | filed → rejected; the fund's admins decide. */
export const claimMachine = defineMachine({
  entity: 'claim',
  states: CLAIM_STATES,
  actions: {
    approve: { from: ['filed'], to: 'approved', roles: ['admin'] },
    pay: { from: ['approved'], to: 'paid', roles: ['admin'] },
    reject: { from: ['filed'], to: 'rejected', roles: ['admin'] },
  },
});
export type ClaimAction = keyof typeof claimMachine.actions;
export type ClaimStatus = (typeof claimMachine.states)[number];
