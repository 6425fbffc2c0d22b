import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/actor';
import { applicationMachine, type ApplicationAction } from './application';
import { AppError } from '../core/errors';
import { isFinal, planTransition } from './define';

const allowed: Record<string, string> = {
  'submitted/accept/institution': 'accepted',
  'accepted/approve/institution': 'approved',
  'approved/disburse/institution': 'disbursed',
  'submitted/reject/institution': 'rejected',
  'accepted/reject/institution': 'rejected',
  'submitted/withdraw/enterprise': 'withdrawn',
  'accepted/withdraw/enterprise': 'withdrawn',
  'approved/withdraw/enterprise': 'withdrawn',
  'materials_requested/reject/institution': 'rejected',
  'submitted/request_materials/institution': 'materials_requested',
  'accepted/request_materials/institution': 'materials_requested',
  'materials_requested/resubmit/enterprise': 'submitted',
  'materials_requested/withdraw/enterprise': 'withdrawn',
};

describe('application lifecycle', () => {
  it('walks every (state, action, role): only the listed moves happen', () => {
    for (const from of applicationMachine.states)
      for (const action of Object.keys(applicationMachine.actions) as ApplicationAction[])
        for (const role of ROLES as readonly Role[]) {
          let got: string;
          try {
            got = planTransition(applicationMachine, from, action, role);
          } catch (e) {
            got = (e as AppError).code;
          }
          const key = `${from}/${action}/${role}`;
          const roleAllowed = applicationMachine.actions[action].roles.includes(role);
          expect(got, key).toBe(allowed[key] ?? (roleAllowed ? 'conflict' : 'forbidden'));
        }
  });

  it('never leaves a final state', () => {
    for (const final of ['disbursed', 'rejected', 'withdrawn'] as const)
      for (const action of Object.keys(applicationMachine.actions) as ApplicationAction[]) {
        const role = applicationMachine.actions[action].roles[0];
        expect(() => planTransition(applicationMachine, final, action, role)).toThrow(AppError);
      }
  });
});

describe('final states', () => {
  it('are the ones no action leaves: disbursed, rejected and withdrawn', () => {
    expect(applicationMachine.states.filter((s) => isFinal(applicationMachine, s))).toEqual(['disbursed', 'rejected', 'withdrawn']);
  });
});
