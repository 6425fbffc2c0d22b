// State machines as data: each entity has a table of actions → (allowed from-states, to-state,
// who may do it). `planTransition` is pure; db/transition.ts applies it in a transaction with a row
// lock and an audit row.
import { AppError } from './errors';
import type { Role } from './auth/actor';

export interface TransitionRule<S extends string> {
  from: readonly S[];
  to: S;
  roles: readonly Role[];
}

export type Machine<S extends string, A extends string> = {
  entity: string;
  states: readonly S[];
  actions: Record<A, TransitionRule<S>>;
};

export function defineMachine<S extends string, A extends string>(m: Machine<S, A>): Machine<S, A> {
  return m;
}

/** The next state, or an error: 'forbidden' for the wrong role, 'conflict' for a wrong state. */
export function planTransition<S extends string, A extends string>(machine: Machine<S, A>, current: S, action: A, role: Role): S {
  const rule = machine.actions[action];
  if (!rule) throw new AppError('invalid', 'transition');
  if (!rule.roles.includes(role)) throw new AppError('forbidden');
  if (!rule.from.includes(current)) throw new AppError('conflict', 'transition', { entity: machine.entity, from: current, action });
  return rule.to;
}

export function allowedActions<S extends string, A extends string>(machine: Machine<S, A>, current: S, role: Role): A[] {
  return (Object.keys(machine.actions) as A[]).filter((a) => machine.actions[a].from.includes(current) && machine.actions[a].roles.includes(role));
}

// ---------------------------------------------------------------- the machines
/** institution: pending → active ⇄ suspended (DESIGN.md §2). */
export const institutionMachine = defineMachine({
  entity: 'institution',
  states: ['pending', 'active', 'suspended'] as const,
  actions: {
    approve: { from: ['pending'], to: 'active', roles: ['admin'] },
    suspend: { from: ['active'], to: 'suspended', roles: ['admin'] },
    reactivate: { from: ['suspended'], to: 'active', roles: ['admin'] },
  },
});
export type InstitutionAction = keyof typeof institutionMachine.actions;

/** product: draft → published ⇄ suspended → archived; a draft can also be archived (discarded). */
export const productMachine = defineMachine({
  entity: 'product',
  states: ['draft', 'published', 'suspended', 'archived'] as const,
  actions: {
    publish: { from: ['draft'], to: 'published', roles: ['institution'] },
    suspend: { from: ['published'], to: 'suspended', roles: ['institution', 'admin'] },
    republish: { from: ['suspended'], to: 'published', roles: ['institution'] },
    archive: { from: ['draft', 'suspended'], to: 'archived', roles: ['institution'] },
  },
});
export type ProductAction = keyof typeof productMachine.actions;

/**
 * enterprise verification (企业核验, DESIGN.md §2): an admin verifies or rejects an unverified
 * enterprise; a rejected one can be put back in the queue once it sends corrected material, and a
 * verified one can be revoked on a later finding. Reject and revoke need a reason (lib/verification.ts).
 */
export const enterpriseVerificationMachine = defineMachine({
  entity: 'enterprise',
  states: ['unverified', 'verified', 'rejected'] as const,
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
  states: ['unverified', 'verified', 'rejected'] as const,
  actions: {
    verify: { from: ['unverified'], to: 'verified', roles: ['admin'] },
    reject: { from: ['unverified'], to: 'rejected', roles: ['admin'] },
    reopen: { from: ['rejected'], to: 'unverified', roles: ['admin'] },
    revoke: { from: ['verified'], to: 'rejected', roles: ['admin'] },
  },
});
export type CertificationVerificationAction = keyof typeof certificationVerificationMachine.actions;
