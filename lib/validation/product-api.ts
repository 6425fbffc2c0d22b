// The JSON shapes of the products API (for the OpenAPI document and the route handlers).
// Amounts are fen and rates basis points; fen travel as decimal strings (they exceed 2^53).
import { z } from 'zod';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, RATE_TYPES, REPAYMENT_METHODS } from '../core/domain';

const fen = z.string().regex(/^\d+$/).describe('amount in fen (1 元 = 100 fen), as a decimal string');
const bp = z.number().int().describe('basis points (345 = 3.45 % a year)');

export const productSummaryDto = z.object({
  id: z.uuid(),
  name: z.string(),
  category: z.string().describe('product category code (GET /api/v1/product-categories)'),
  summary: z.string(),
  institution: z.object({ id: z.uuid(), name: z.string() }),
  amountMinFen: fen,
  amountMaxFen: fen,
  termMinMonths: z.number().int(),
  termMaxMonths: z.number().int(),
  rateType: z.enum(RATE_TYPES),
  rateMinBp: bp.describe('fixed: the annual rate; lpr_spread: the spread over the 1-year LPR'),
  rateMaxBp: bp,
  effectiveRateMinBp: bp.describe('the annual rate today (LPR + spread for LPR-priced products)'),
  effectiveRateMaxBp: bp,
  feeBp: bp,
  subsidyBp: bp,
  guaranteeMethods: z.array(z.enum(GUARANTEE_METHODS)),
  repaymentMethods: z.array(z.enum(REPAYMENT_METHODS)),
  zoneExclusive: z.boolean(),
  publishedAt: z.iso.datetime().nullable(),
});

export const productDetailDto = productSummaryDto.extend({
  description: z.string(),
  requiredDocuments: z.array(z.string()),
  eligibility: z.object({
    requiredCertifications: z.array(z.enum(CERTIFICATION_KINDS)),
    minInnovationScore: z.string().nullable(),
    minYearsInOperation: z.number().int().nullable(),
    parkCodes: z.array(z.string()).describe('empty: every park'),
    industries: z.array(z.string()).describe('GB/T 4754 sections; empty: every industry'),
    maxEmployees: z.number().int().nullable(),
  }),
});

export const productPageDto = z.object({
  items: z.array(productSummaryDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const apiErrorDto = z.object({
  error: z.object({ code: z.string(), message: z.string(), param: z.string().optional() }),
});

type SummaryRow = {
  id: string;
  name: string;
  category: z.infer<typeof productSummaryDto>['category'];
  summary: string;
  institutionId: string;
  institutionName: string;
  amountMinFen: bigint;
  amountMaxFen: bigint;
  termMinMonths: number;
  termMaxMonths: number;
  rateType: 'fixed' | 'lpr_spread';
  rateMinBp: number;
  rateMaxBp: number;
  effectiveRateMinBp: number | string;
  effectiveRateMaxBp: number | string;
  feeBp: number;
  subsidyBp: number;
  guaranteeMethods: z.infer<typeof productSummaryDto>['guaranteeMethods'];
  repaymentMethods: z.infer<typeof productSummaryDto>['repaymentMethods'];
  zoneExclusive: boolean;
  publishedAt: Date | null;
};

export function toProductSummaryDto(r: SummaryRow): z.infer<typeof productSummaryDto> {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    summary: r.summary,
    institution: { id: r.institutionId, name: r.institutionName },
    amountMinFen: r.amountMinFen.toString(),
    amountMaxFen: r.amountMaxFen.toString(),
    termMinMonths: r.termMinMonths,
    termMaxMonths: r.termMaxMonths,
    rateType: r.rateType,
    rateMinBp: r.rateMinBp,
    rateMaxBp: r.rateMaxBp,
    effectiveRateMinBp: Number(r.effectiveRateMinBp),
    effectiveRateMaxBp: Number(r.effectiveRateMaxBp),
    feeBp: r.feeBp,
    subsidyBp: r.subsidyBp,
    guaranteeMethods: r.guaranteeMethods,
    repaymentMethods: r.repaymentMethods,
    zoneExclusive: r.zoneExclusive,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
  };
}

/** GET /api/v1/product-categories: the zone's categories, in display order (their codes filter the products and figures). */
export const productCategoryListDto = z.object({
  items: z.array(
    z.object({
      code: z.string().describe('the code the products API and the figures API filter by'),
      name: z.string().describe('Chinese name'),
      nameEn: z.string().describe('English name'),
      pledgesIp: z.boolean().describe('an application to a product of this category pledges IP assets'),
    }),
  ),
});
