// The product form: one schema for the officer's form, the server action and the tests.
// Amounts are typed in 万元, rates in percent; they come out as fen and basis points.
import { z } from 'zod';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, MAX_ANNUAL_RATE_BP, PRODUCT_CATEGORIES, RATE_TYPES, REPAYMENT_METHODS } from '../domain';
import { bpToPercentInput, fenToWanInput, parseRatePercent, parseWan } from '../money';
import { INDUSTRY_SECTIONS, requiredText } from './common';

const positiveWan = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => (parseWan(v) ?? 0n) > 0n, 'amount_positive')
  .transform((v) => parseWan(v) as bigint);

const percent = z
  .string()
  .trim()
  .min(1, 'required')
  .refine((v) => parseRatePercent(v) !== null, 'rate_format')
  .transform((v) => parseRatePercent(v) as number)
  .refine((bp) => bp <= MAX_ANNUAL_RATE_BP, 'rate_range');

const months = z
  .string()
  .trim()
  .min(1, 'required')
  .regex(/^\d{1,3}$/, 'months')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 360, 'months');

const optionalInt = (max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) <= max), 'integer')
    .transform((v) => (v === '' ? null : Number(v)));

const optionalScore = z
  .string()
  .trim()
  .refine((v) => v === '' || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), 'score')
  .transform((v) => (v === '' ? null : v));

export const productFormSchema = z
  .object({
    name: requiredText(60),
    category: z.enum(PRODUCT_CATEGORIES, 'category'),
    summary: requiredText(200),
    description: z.string().trim().max(5000, 'too_long'),
    amountMinWan: positiveWan,
    amountMaxWan: positiveWan,
    termMinMonths: months,
    termMaxMonths: months,
    rateType: z.enum(RATE_TYPES, 'rate_type'),
    rateMin: percent,
    rateMax: percent,
    feeRate: percent,
    guaranteeMethods: z.array(z.enum(GUARANTEE_METHODS)).min(1, 'choose_one'),
    repaymentMethods: z.array(z.enum(REPAYMENT_METHODS)).min(1, 'choose_one'),
    requiredCertifications: z.array(z.enum(CERTIFICATION_KINDS)),
    minInnovationScore: optionalScore,
    minYearsInOperation: optionalInt(100),
    eligibleParkIds: z.array(z.string().regex(/^\d+$/).transform(Number)),
    eligibleIndustries: z.array(z.enum(INDUSTRY_SECTIONS)),
    maxEmployees: optionalInt(1_000_000),
    zoneExclusive: z.boolean(),
    requiredDocuments: z
      .string()
      .max(2000, 'too_long')
      .transform((v) =>
        v
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.amountMinWan > v.amountMaxWan) issue('amountMinWan', 'amount_min_above_max');
    if (v.termMinMonths > v.termMaxMonths) issue('termMinMonths', 'term_min_above_max');
    if (v.rateMin > v.rateMax) issue('rateMin', 'rate_min_above_max');
  });

export type ProductFormInput = z.input<typeof productFormSchema>;
export type ProductForm = z.output<typeof productFormSchema>;

export const emptyProductForm: ProductFormInput = {
  name: '',
  category: '' as ProductFormInput['category'],
  summary: '',
  description: '',
  amountMinWan: '',
  amountMaxWan: '',
  termMinMonths: '',
  termMaxMonths: '',
  rateType: 'fixed',
  rateMin: '',
  rateMax: '',
  feeRate: '0',
  guaranteeMethods: [],
  repaymentMethods: [],
  requiredCertifications: [],
  minInnovationScore: '',
  minYearsInOperation: '',
  eligibleParkIds: [],
  eligibleIndustries: [],
  maxEmployees: '',
  zoneExclusive: false,
  requiredDocuments: '',
};

export const productActionSchema = z.object({
  productId: z.uuid('not_found'),
  action: z.enum(['publish', 'suspend', 'republish', 'archive'], 'transition'),
});

/** A stored product as form values (for editing). */
export function productToForm(p: {
  name: string;
  category: ProductFormInput['category'];
  summary: string;
  description: string;
  amountMinFen: bigint;
  amountMaxFen: bigint;
  termMinMonths: number;
  termMaxMonths: number;
  rateType: 'fixed' | 'lpr_spread';
  rateMinBp: number;
  rateMaxBp: number;
  feeBp: number;
  guaranteeMethods: ProductFormInput['guaranteeMethods'];
  repaymentMethods: ProductFormInput['repaymentMethods'];
  requiredCertifications: ProductFormInput['requiredCertifications'];
  minInnovationScore: string | null;
  minYearsInOperation: number | null;
  eligibleParkIds: number[];
  eligibleIndustries: string[];
  maxEmployees: number | null;
  zoneExclusive: boolean;
  requiredDocuments: string[];
}): ProductFormInput {
  return {
    name: p.name,
    category: p.category,
    summary: p.summary,
    description: p.description,
    amountMinWan: fenToWanInput(p.amountMinFen),
    amountMaxWan: fenToWanInput(p.amountMaxFen),
    termMinMonths: String(p.termMinMonths),
    termMaxMonths: String(p.termMaxMonths),
    rateType: p.rateType,
    rateMin: bpToPercentInput(p.rateMinBp),
    rateMax: bpToPercentInput(p.rateMaxBp),
    feeRate: bpToPercentInput(p.feeBp),
    guaranteeMethods: p.guaranteeMethods,
    repaymentMethods: p.repaymentMethods,
    requiredCertifications: p.requiredCertifications,
    minInnovationScore: p.minInnovationScore ?? '',
    minYearsInOperation: p.minYearsInOperation === null ? '' : String(p.minYearsInOperation),
    eligibleParkIds: p.eligibleParkIds.map(String),
    eligibleIndustries: p.eligibleIndustries as ProductFormInput['eligibleIndustries'],
    maxEmployees: p.maxEmployees === null ? '' : String(p.maxEmployees),
    zoneExclusive: p.zoneExclusive,
    requiredDocuments: p.requiredDocuments.join('\n'),
  };
}
