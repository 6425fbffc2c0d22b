import { PRODUCT_STATES } from '../../db/enums';
import { defineMachine } from './define';

/** product: draft → published ⇄ suspended → archived; a draft can also be archived (discarded). */
export const productMachine = defineMachine({
  entity: 'product',
  states: PRODUCT_STATES,
  actions: {
    publish: { from: ['draft'], to: 'published', roles: ['institution'] },
    suspend: { from: ['published'], to: 'suspended', roles: ['institution', 'admin'] },
    republish: { from: ['suspended'], to: 'published', roles: ['institution'] },
    archive: { from: ['draft', 'suspended'], to: 'archived', roles: ['institution'] },
  },
});
export type ProductAction = keyof typeof productMachine.actions;
