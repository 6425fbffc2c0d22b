// application: submitted → accepted (受理) → approved (授信) → disbursed (放款);
// submitted/accepted → rejected (reason required); any state before disbursed → withdrawn
// by the enterprise. 补充材料: the officer asks for more documents (submitted/accepted →
// materials_requested); the enterprise shares them and resubmits (→ submitted). Only officers of the product's institution act on it. DESIGN.md §2.
import { APPLICATION_STATES } from '../../db/enums';
import { defineMachine } from './define';

export const applicationMachine = defineMachine({
  entity: 'application',
  states: APPLICATION_STATES,
  actions: {
    accept: { from: ['submitted'], to: 'accepted', roles: ['institution'] },
    approve: { from: ['accepted'], to: 'approved', roles: ['institution'] },
    disburse: { from: ['approved'], to: 'disbursed', roles: ['institution'] },
    reject: { from: ['submitted', 'accepted', 'materials_requested'], to: 'rejected', roles: ['institution'] },
    request_materials: { from: ['submitted', 'accepted'], to: 'materials_requested', roles: ['institution'] },
    resubmit: { from: ['materials_requested'], to: 'submitted', roles: ['enterprise'] },
    withdraw: { from: ['submitted', 'accepted', 'approved', 'materials_requested'], to: 'withdrawn', roles: ['enterprise'] },
  },
});
export type ApplicationAction = keyof typeof applicationMachine.actions;
