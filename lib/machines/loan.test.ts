import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/actor';
import type { AppError } from '../core/errors';
import { claimMachine } from './claim';
import { LOAN_LIFECYCLE_ACTIONS, loanMachine } from './loan';
import { pledgeMachine } from './pledge';
import { allowedActions, planTransition, type Machine } from './define';

function outcome<S extends string, A extends string>(m: Machine<S, A>, from: S, action: A, role: Role): string {
  try {
    return planTransition(m, from, action, role);
  } catch (e) {
    return (e as AppError).code;
  }
}

/** Every (state, action, role) triple: the allowed ones move to their state, a wrong role is forbidden, the rest conflict. */
function walk<S extends string, A extends string>(m: Machine<S, A>, allowed: Record<string, { to: S; roles: Role[] }>) {
  // Who may take each action at all, from the expected table (not from the machine under test).
  const rolesOf = new Map<string, Role[]>();
  for (const [key, rule] of Object.entries(allowed)) rolesOf.set(key.split('/')[1], rule.roles);
  expect([...rolesOf.keys()].sort()).toEqual(Object.keys(m.actions).sort());
  let checked = 0;
  for (const from of m.states) {
    for (const action of Object.keys(m.actions) as A[]) {
      for (const role of ROLES) {
        const rule = allowed[`${from}/${action}`];
        const expected = !rolesOf.get(action)!.includes(role) ? 'forbidden' : rule ? rule.to : 'conflict';
        expect(outcome(m, from, action, role), `${role}: ${from}/${action}`).toBe(expected);
        checked++;
      }
    }
  }
  return checked;
}

describe('loan lifecycle', () => {
  const allowed = {
    'active/repay': { to: 'repaid', roles: ['institution'] },
    'active/mark_overdue': { to: 'overdue', roles: ['institution'] },
    'overdue/cure': { to: 'active', roles: ['institution'] },
    'overdue/default': { to: 'defaulted', roles: ['institution'] },
    'defaulted/compensate': { to: 'compensated', roles: ['admin'] },
    'defaulted/write_off': { to: 'written_off', roles: ['institution'] },
  } as const satisfies Record<string, { to: (typeof loanMachine.states)[number]; roles: Role[] }>;

  it('walks every (state, action, role)', () => {
    expect(walk(loanMachine, allowed as unknown as Record<string, { to: (typeof loanMachine.states)[number]; roles: Role[] }>)).toBe(6 * 6 * 3);
  });

  it('offers an officer only the moves of each state; repaid, compensated and written-off loans are final', () => {
    expect(allowedActions(loanMachine, 'active', 'institution')).toEqual(['repay', 'mark_overdue']);
    expect(allowedActions(loanMachine, 'overdue', 'institution')).toEqual(['cure', 'default']);
    expect(allowedActions(loanMachine, 'defaulted', 'institution')).toEqual(['write_off']);
    expect(allowedActions(loanMachine, 'defaulted', 'admin')).toEqual(['compensate']);
    for (const end of ['repaid', 'compensated', 'written_off'] as const) for (const role of ROLES) expect(allowedActions(loanMachine, end, role)).toEqual([]);
    for (const s of loanMachine.states) expect(allowedActions(loanMachine, s, 'enterprise')).toEqual([]);
    expect(LOAN_LIFECYCLE_ACTIONS.every((a) => a in loanMachine.actions)).toBe(true);
  });
});

describe('pledge lifecycle', () => {
  const allowed = {
    'pending_registration/register': { to: 'registered', roles: ['institution'] },
    'registered/release': { to: 'released', roles: ['institution'] },
    'pending_registration/cancel': { to: 'released', roles: ['enterprise', 'institution'] },
    'registered/enforce': { to: 'enforced', roles: ['institution'] },
  } as const;

  it('walks every (state, action, role)', () => {
    expect(walk(pledgeMachine, allowed as unknown as Record<string, { to: (typeof pledgeMachine.states)[number]; roles: Role[] }>)).toBe(4 * 4 * 3);
  });

  it('never leaves released or enforced', () => {
    for (const end of ['released', 'enforced'] as const) for (const role of ROLES) expect(allowedActions(pledgeMachine, end, role)).toEqual([]);
    expect(outcome(pledgeMachine, 'registered', 'cancel', 'enterprise')).toBe('conflict');
    expect(outcome(pledgeMachine, 'pending_registration', 'release', 'institution')).toBe('conflict');
  });
});

describe('claim lifecycle', () => {
  const allowed = {
    'filed/approve': { to: 'approved', roles: ['admin'] },
    'approved/pay': { to: 'paid', roles: ['admin'] },
    'filed/reject': { to: 'rejected', roles: ['admin'] },
  } as const;

  it('walks every (state, action, role)', () => {
    expect(walk(claimMachine, allowed as unknown as Record<string, { to: (typeof claimMachine.states)[number]; roles: Role[] }>)).toBe(4 * 3 * 3);
  });

  it('is decided by admins alone; an approved claim can only be paid, a filed one not', () => {
    for (const s of claimMachine.states) {
      expect(allowedActions(claimMachine, s, 'institution')).toEqual([]);
      expect(allowedActions(claimMachine, s, 'enterprise')).toEqual([]);
    }
    expect(allowedActions(claimMachine, 'filed', 'admin')).toEqual(['approve', 'reject']);
    expect(allowedActions(claimMachine, 'approved', 'admin')).toEqual(['pay']);
    expect(outcome(claimMachine, 'filed', 'pay', 'admin')).toBe('conflict');
    expect(outcome(claimMachine, 'approved', 'reject', 'admin')).toBe('conflict');
  });
});
