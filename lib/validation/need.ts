import { z } from 'zod';
import { CERTIFICATION_KINDS, NEED_PURPOSES } from '../../db/enums';
import { GUARANTEE_METHODS } from '../core/domain';
import { bpToPercentInput, fenToWanInput } from '../core/money';
import { enumSet, isoDateField, monthsField, multilineText, optionalRateField, optional, wanField } from './common';

export { NEED_PURPOSES };

export const needFormSchema = z
  .object({
    /** At most 100亿元: a need above it is refused (issue 9). */
    amountWan: wanField({ bound: '100yi', positive: true }),
    termMonths: monthsField,
    purpose: z.enum(NEED_PURPOSES, 'needs.errors.purpose'),
    guaranteeMethods: enumSet(GUARANTEE_METHODS).refine((v) => v.length > 0, 'choose_one'),
    maxRate: optionalRateField,
    wantedBy: optional(isoDateField),
    ipAssetIds: z.array(z.uuid()).max(20),
    description: multilineText(2000),
  })
  .transform(({ amountWan, ...v }) => ({ ...v, amountFen: amountWan }));
export type NeedFormInput = z.input<typeof needFormSchema>;
export type NeedForm = z.output<typeof needFormSchema>;

export const emptyNeedForm: NeedFormInput = {
  amountWan: '',
  termMonths: '',
  purpose: '' as NeedFormInput['purpose'],
  guaranteeMethods: [],
  maxRate: '',
  wantedBy: '',
  ipAssetIds: [],
  description: '',
};

export function needToForm(n: {
  amountFen: bigint;
  termMonths: number;
  purpose: NeedFormInput['purpose'];
  guaranteeMethods: NeedFormInput['guaranteeMethods'];
  maxRateBp: number | null;
  wantedBy: string | null;
  description: string;
  ipAssetIds: string[];
}): NeedFormInput {
  return {
    amountWan: fenToWanInput(n.amountFen),
    termMonths: String(n.termMonths),
    purpose: n.purpose,
    guaranteeMethods: n.guaranteeMethods,
    maxRate: n.maxRateBp === null ? '' : bpToPercentInput(n.maxRateBp),
    wantedBy: n.wantedBy ?? '',
    ipAssetIds: n.ipAssetIds,
    description: n.description,
  };
}

/** What the enterprise does to its need: withdraw it, or close it as fulfilled once a loan from it was disbursed. */
export const needActionSchema = z.object({ needId: z.uuid('not_found'), action: z.enum(['withdraw', 'fulfil'], 'transition') });

/** The institution needs board's filters (URL parameters). Amounts in fen, like the API. */
export const needsBoardQuerySchema = z.object({
  minAmount: z
    .string()
    .regex(/^\d{1,16}$/, 'amount_fen')
    .transform(BigInt)
    .optional(),
  maxAmount: z
    .string()
    .regex(/^\d{1,16}$/, 'amount_fen')
    .transform(BigInt)
    .optional(),
  maxTerm: z
    .string()
    .regex(/^\d{1,3}$/, 'months')
    .transform(Number)
    .optional(),
  purpose: z.enum(NEED_PURPOSES, 'needs.errors.purpose').optional(),
  park: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'unknown_park')
    .optional(),
  industry: z
    .string()
    .regex(/^[A-T]$/, 'industry')
    .optional(),
  certification: z.enum(CERTIFICATION_KINDS, 'invalid').optional(),
  guarantee: z.enum(GUARANTEE_METHODS, 'guarantee').optional(),
  page: z
    .string()
    .regex(/^\d{1,6}$/, 'page')
    .transform(Number)
    .default(1),
});
export type NeedsBoardQuery = z.output<typeof needsBoardQuerySchema>;
