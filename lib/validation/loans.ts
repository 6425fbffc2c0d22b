// Shapes of the loan book: repayments, lifecycle moves, pledge registration (质押登记), fund
// contributions and claims. Amounts are typed in 万元 and come out as bigint fen; dates are
// zone days that may not lie in the future.
import { z } from 'zod';
import { LOAN_LIFECYCLE_ACTIONS } from '../machines/loan';
import { dateField, multilineText, plainText, wanField } from './common';

export const REGISTRATION_NUMBER_MAX = 40;
export const NOTE_MAX = 200;
export const REASON_MAX = 500;

/** A zone day, today or earlier (a repayment, a registration or a contribution already happened). */
const pastDate = dateField({ pastOnly: true });

/**
 * Repayments and losses are settled to the fen (six decimals of 万元); all amounts at most 100亿元.
 * The forms' fields are in 万元 (`…Wan`); once parsed they are fen and named so (`…Fen`).
 */
const repaidWan = wanField({ bound: '100yi', exactToFen: true });
const lossWan = wanField({ bound: '100yi', positive: true, exactToFen: true });
const contributionWan = wanField({ bound: '100yi', positive: true });

const id = z.uuid('not_found');

export const repaymentSchema = z
  .object({
    loanId: id,
    principalWan: repaidWan,
    interestWan: repaidWan,
    paidOn: pastDate,
  })
  .superRefine((v, ctx) => {
    if (v.principalWan === 0n && v.interestWan === 0n) ctx.addIssue({ code: 'custom', path: ['principalWan'], message: 'loans.errors.repayment_empty' });
  })
  .transform(({ principalWan, interestWan, ...v }) => ({ ...v, principalFen: principalWan, interestFen: interestWan }));
export type RepaymentInput = z.input<typeof repaymentSchema>;

export const loanActionSchema = z.object({
  loanId: id,
  action: z.enum(LOAN_LIFECYCLE_ACTIONS, 'transition'),
});

export const pledgeRegistrationSchema = z.object({
  pledgeId: id,
  registrationNumber: plainText(REGISTRATION_NUMBER_MAX, { required: true }),
  registeredOn: pastDate,
});

export const pledgeActionSchema = z.object({ pledgeId: id });

export const contributionSchema = z
  .object({
    schemeId: id,
    amountWan: contributionWan,
    contributedOn: pastDate,
    note: plainText(NOTE_MAX),
  })
  .transform(({ amountWan, ...v }) => ({ ...v, amountFen: amountWan }));
export type ContributionInput = z.input<typeof contributionSchema>;

export const claimFilingSchema = z
  .object({
    loanId: id,
    lossWan: lossWan,
  })
  .transform(({ lossWan, ...v }) => ({ ...v, lossFen: lossWan }));

export const claimDecisionSchema = z
  .object({
    claimId: id,
    decision: z.enum(['approve', 'reject'], 'transition'),
    reason: multilineText(REASON_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'loans.errors.reason_required' });
  });

export const claimPaymentSchema = z.object({ claimId: id });

export const LOAN_PAGE_SIZE = 20;
export const loanListQuerySchema = z.object({
  status: z.enum(['active', 'overdue', 'repaid', 'defaulted', 'compensated', 'written_off']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type LoanListQuery = z.output<typeof loanListQuerySchema>;
