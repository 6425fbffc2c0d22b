import { VERIFICATION_STATES } from '../../db/enums';
import { defineMachine } from './define';

/**
 * enterprise verification (企业核验, DESIGN.md §2): an admin verifies or rejects an unverified
 * enterprise; a rejected one can be put back in the queue once it sends corrected material, and a
 * verified one can be revoked on a later finding. Reject and revoke need a reason (lib/enterprises/verification.ts).
 */
export const enterpriseVerificationMachine = defineMachine({
  entity: 'enterprise',
  states: VERIFICATION_STATES,
  actions: {
    verify: { from: ['unverified'], to: 'verified', roles: ['admin'] },
    reject: { from: ['unverified'], to: 'rejected', roles: ['admin'] },
    reopen: { from: ['rejected'], to: 'unverified', roles: ['admin'] },
    revoke: { from: ['verified'], to: 'rejected', roles: ['admin'] },
  },
});
export type EnterpriseVerificationAction = keyof typeof enterpriseVerificationMachine.actions;

/** certification verification (资质核验): the same table for a certificate an enterprise entered. */
export const certificationVerificationMachine = defineMachine({
  entity: 'certification',
  states: VERIFICATION_STATES,
  actions: {
    verify: { from: ['unverified'], to: 'verified', roles: ['admin'] },
    reject: { from: ['unverified'], to: 'rejected', roles: ['admin'] },
    reopen: { from: ['rejected'], to: 'unverified', roles: ['admin'] },
    revoke: { from: ['verified'], to: 'rejected', roles: ['admin'] },
  },
});
export type CertificationVerificationAction = keyof typeof certificationVerificationMachine.actions;
