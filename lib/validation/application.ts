import { z } from 'zod';
import { REPAYMENT_METHODS } from '../core/domain';
import { DOCUMENT_KINDS } from './document';
import { dateField, isoDateField, monthsField, multilineText, plainText, rateField, wanField } from './common';

/** Applied and approved amounts: positive, at most 100亿元. */
const positiveWan = wanField({ bound: '100yi', positive: true });
const months = monthsField;

/** '' (none chosen) or one of the repayment methods. */
const repaymentMethodField = z
  .union([z.literal(''), z.enum(REPAYMENT_METHODS, 'documents.errors.repayment_method')])
  .default('')
  .transform((v) => (v === '' ? null : v));

/** The typed amount is 万元 (`amountWan`); the parsed one is fen (`amountFen`). */
export const applicationFormSchema = z
  .object({
    productId: z.uuid('not_found'),
    needId: z.union([z.literal(''), z.uuid('not_found')]).transform((v) => (v === '' ? null : v)),
    amountWan: positiveWan,
    termMonths: months,
    ipAssetIds: z.array(z.uuid()).max(20),
    /** Vault documents (ids of documents; their current versions are shared) shared with the institution. */
    documentIds: z.array(z.uuid()).max(50).default([]),
    /** Among the product's methods; empty: the product's first. */
    repaymentMethod: repaymentMethodField,
    /** One per form submission: a double click or a retry creates one application. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'invalid'),
  })
  .transform(({ amountWan, ...v }) => ({ ...v, amountFen: amountWan }));
export type ApplicationFormInput = z.input<typeof applicationFormSchema>;
export type ApplicationForm = z.output<typeof applicationFormSchema>;

/** The approval's terms: typed in 万元 and percent (`approvedAmountWan`), parsed to fen and basis points. */
const approvalSchema = z.object({
  approvedAmountWan: positiveWan,
  approvedRate: rateField,
  approvedTermMonths: months,
  /** Approval may change the repayment method the enterprise chose (among the product's). */
  repaymentMethod: repaymentMethodField,
});

export const REJECT_REASON_MAX = 500;
/** The officer's rejection, with the reason the enterprise reads (its own form). */
export const applicationRejectionSchema = z.object({
  applicationId: z.uuid('not_found'),
  action: z.literal('reject'),
  reason: multilineText(REJECT_REASON_MAX, { min: 2, minMessage: 'applications.errors.reason_required' }),
});

export const applicationDecisionSchema = z.discriminatedUnion('action', [
  z.object({ applicationId: z.uuid('not_found'), action: z.literal('accept') }),
  z
    .object({ applicationId: z.uuid('not_found'), action: z.literal('approve') })
    .extend(approvalSchema.shape)
    .transform(({ approvedAmountWan, ...v }) => ({ ...v, approvedAmountFen: approvedAmountWan })),
  applicationRejectionSchema,
  // 放款 on the value date the officer records (today at the latest); absent: today.
  z.object({ applicationId: z.uuid('not_found'), action: z.literal('disburse'), disbursedOn: dateField({ pastOnly: true }).optional() }),
  z.object({ applicationId: z.uuid('not_found'), action: z.literal('withdraw') }),
  // 补充材料: the officer names the documents and why; the enterprise shares them and resubmits.
  z.object({
    applicationId: z.uuid('not_found'),
    action: z.literal('request_materials'),
    kinds: z
      .array(z.enum(DOCUMENT_KINDS))
      .min(1, 'documents.errors.kinds_required')
      .max(DOCUMENT_KINDS.length)
      .transform((v) => [...new Set(v)]),
    reason: multilineText(500, { min: 2, minMessage: 'documents.errors.reason_required' }),
  }),
  z.object({ applicationId: z.uuid('not_found'), action: z.literal('resubmit'), documentIds: z.array(z.uuid()).max(50).default([]) }),
]);

/** The enterprise's answer to 补充材料: the vault documents to share, then the application is submitted again. */
export const resubmitApplicationSchema = z.object({ applicationId: z.uuid('not_found'), documentIds: z.array(z.uuid()).max(50) });
export type ApplicationDecisionInput = z.input<typeof applicationDecisionSchema>;
export type ApplicationDecision = z.output<typeof applicationDecisionSchema>;

export const pledgeRegistrationFormSchema = z.object({
  applicationId: z.uuid('not_found'),
  registrationNumber: plainText(40, { required: true }),
  registeredOn: isoDateField,
});
