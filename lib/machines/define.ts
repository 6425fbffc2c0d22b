// State machines as data: each entity has a table of actions → (allowed from-states, to-state,
// who may do it). The states come from db/enums.ts, which also builds the database enums.
// `planTransition` is pure; engine.ts applies it in a transaction with a row lock and an audit row.
import type { Role } from '../auth/actor';
import { AppError } from '../core/errors';

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

/** Whether no action leaves `state` (disbursed, rejected, withdrawn for an application). */
export function isFinal<S extends string, A extends string>(machine: Machine<S, A>, state: string): boolean {
  return !(Object.keys(machine.actions) as A[]).some((a) => (machine.actions[a].from as readonly string[]).includes(state));
}
