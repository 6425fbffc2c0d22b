// Enumerations of the domain, shared by schemas, forms and the API (the database enums in
// db/schema.ts carry the same values).
export const PRODUCT_CATEGORIES = ['points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit', 'other'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export const GUARANTEE_METHODS = ['credit', 'mortgage', 'pledge', 'guarantee'] as const;
export type GuaranteeMethod = (typeof GUARANTEE_METHODS)[number];
export const REPAYMENT_METHODS = ['equal_installment', 'equal_principal', 'interest_first', 'bullet'] as const;
export type RepaymentMethodCode = (typeof REPAYMENT_METHODS)[number];
export const CERTIFICATION_KINDS = ['high_tech', 'tech_sme', 'specialized_sme', 'little_giant', 'gazelle', 'seed_unicorn', 'potential_unicorn'] as const;
export const RATE_TYPES = ['fixed', 'lpr_spread'] as const;
export const PRODUCT_STATUSES = ['draft', 'published', 'suspended', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
/** Annual rates above 36 % are not enforceable in China (最高人民法院 private-lending ceiling). */
export const MAX_ANNUAL_RATE_BP = 3600;
