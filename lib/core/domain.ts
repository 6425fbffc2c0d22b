// Enumerations of the domain, shared by schemas, forms and the API. The values are the database
// enums' own (db/enums.ts); components import them from here, not from db/.
import { APPLICATION_STATES, CERTIFICATION_KINDS, GUARANTEE_METHODS, RATE_TYPES, REPAYMENT_METHODS } from '../../db/enums';

export { APPLICATION_STATES, CERTIFICATION_KINDS, GUARANTEE_METHODS, RATE_TYPES, REPAYMENT_METHODS };
/** A state of an application (its machine: lib/machines/application.ts). */
export type ApplicationStatus = (typeof APPLICATION_STATES)[number];
/** Annual rates above 36 % are not enforceable in China (最高人民法院 private-lending ceiling). */
export const MAX_ANNUAL_RATE_BP = 3600;
