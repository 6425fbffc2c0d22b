// Enumerations of the domain, shared by schemas, forms and the API. The values are the database
// enums' own (db/enums.ts); components import them from here, not from db/.
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, PRODUCT_CATEGORIES, PRODUCT_STATES, RATE_TYPES, REPAYMENT_METHODS } from '../db/enums';

export { CERTIFICATION_KINDS, GUARANTEE_METHODS, PRODUCT_CATEGORIES, RATE_TYPES, REPAYMENT_METHODS };
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export type GuaranteeMethod = (typeof GUARANTEE_METHODS)[number];
export type RepaymentMethodCode = (typeof REPAYMENT_METHODS)[number];
export const PRODUCT_STATUSES = PRODUCT_STATES;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
/** Annual rates above 36 % are not enforceable in China (最高人民法院 private-lending ceiling). */
export const MAX_ANNUAL_RATE_BP = 3600;
