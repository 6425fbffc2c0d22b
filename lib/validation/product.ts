// The product form: one schema for the officer's form, the server action and the tests.
// Amounts are typed in 万元, rates in percent; they come out as fen and basis points.
import { z } from 'zod';
import { CERTIFICATION_KINDS, GUARANTEE_METHODS, RATE_TYPES, REPAYMENT_METHODS } from '../core/domain';
import { bpToPercentInput, fenToWanInput } from '../core/money';
import { DOCUMENT_KINDS } from './document';
import {
  categoryCode,
  enumSet,
  intField,
  INDUSTRY_SECTIONS,
  monthsField,
  multilineText,
  numberText,
  parkIdsField,
  rateField,
  requiredText,
  wanField,
} from './common';

/** Product amounts: positive, at most 100亿元. */
const positiveWan = wanField({ bound: '100yi', positive: true });

const months = monthsField;

const optionalInt = (max: number) =>
  numberText('integer')
    .refine((v) => v === '' || (/^\d{1,9}$/.test(v) && Number(v) <= max), 'integer')
    .transform((v) => (v === '' ? null : Number(v)));

const optionalScore = numberText('score')
  .refine((v) => v === '' || (/^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100), 'score')
  .transform((v) => (v === '' ? null : v));

export const productFormSchema = z
  .object({
    name: requiredText(60),
    /** createProduct/updateProduct refuse a code that names no category. */
    category: categoryCode(),
    summary: requiredText(200),
    description: multilineText(5000),
    amountMinWan: positiveWan,
    amountMaxWan: positiveWan,
    termMinMonths: months,
    termMaxMonths: months,
    rateType: z.enum(RATE_TYPES, 'rate_type'),
    rateMin: rateField,
    rateMax: rateField,
    feeRate: rateField,
    guaranteeMethods: enumSet(GUARANTEE_METHODS).refine((v) => v.length > 0, 'choose_one'),
    repaymentMethods: enumSet(REPAYMENT_METHODS).refine((v) => v.length > 0, 'choose_one'),
    requiredCertifications: enumSet(CERTIFICATION_KINDS),
    minInnovationScore: optionalScore,
    minYearsInOperation: optionalInt(100),
    /** Distinct, at most MAX_PARK_IDS; createProduct/updateProduct refuse an id that names no park. */
    eligibleParkIds: parkIdsField,
    eligibleIndustries: enumSet(INDUSTRY_SECTIONS),
    maxEmployees: optionalInt(1_000_000),
    zoneExclusive: z.boolean(),
    requiredDocuments: multilineText(2000).transform((v) =>
      v
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    /** The vault kinds the application form checks (product_required_documents); 财务报表 for the last `statementYears` years. */
    documentKinds: enumSet(DOCUMENT_KINDS).default([]),
    statementYears: intField(1, 5, 'documents.errors.statement_years').prefault('2'),
    /**
     * The risk-sharing scheme (风险补偿方案) its loans are enrolled in at disbursement (报项目), or none.
     * createProduct/updateProduct refuse a scheme that does not cover the product's category.
     */
    schemeId: z
      .union([z.literal(''), z.uuid('product.errors.scheme')])
      .prefault('')
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.amountMinWan > v.amountMaxWan) issue('amountMinWan', 'amount_min_above_max');
    if (v.termMinMonths > v.termMaxMonths) issue('termMinMonths', 'term_min_above_max');
    if (v.rateMin > v.rateMax) issue('rateMin', 'rate_min_above_max');
  })
  .transform(({ amountMinWan, amountMaxWan, ...v }) => ({ ...v, amountMinFen: amountMinWan, amountMaxFen: amountMaxWan }));

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
  documentKinds: [],
  statementYears: '2',
  schemeId: '',
};

export const productActionSchema = z.object({
  productId: z.uuid('not_found'),
  action: z.enum(['publish', 'suspend', 'republish', 'archive'], 'transition'),
});

/** A stored product as form values (for editing). */
export function productToForm(
  p: {
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
    schemeId?: string | null;
  },
  declared: { kind: (typeof DOCUMENT_KINDS)[number]; years: number }[] = [],
): ProductFormInput {
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
    documentKinds: declared.map((d) => d.kind),
    statementYears: String(declared.find((d) => d.kind === 'financial_statement')?.years ?? 2),
    schemeId: p.schemeId ?? '',
  };
}
