// The admin's verification decision (企业/资质核验) and the queue's URL parameters. One shape for the
// form (zodResolver), the server actions and lib/enterprises/verification.ts.
import { z } from 'zod';
import { multilineText } from './common';
import { normaliseUscc, USCC_CHARS } from '../enterprises/uscc';

export const VERIFICATION_ACTIONS = ['verify', 'reject', 'reopen', 'revoke'] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

/** Saying no needs a reason: the enterprise is told it. */
export const REASON_REQUIRED: readonly VerificationAction[] = ['reject', 'revoke'];
export const REASON_MAX = 500;
/** The decisions that may release an enterprise's credit code with them. */
export const RELEASES_USCC: readonly VerificationAction[] = ['reject', 'revoke'];

export const verificationDecisionSchema = z
  .object({
    id: z.uuid('not_found'),
    action: z.enum(VERIFICATION_ACTIONS, 'transition'),
    reason: multilineText(REASON_MAX).default(''),
    /**
     * With a rejection or revocation of an enterprise: its credit code is not its own (someone took a
     * company's code first), so the zone releases it for the company it names to register.
     */
    releaseUscc: z.boolean('invalid').default(false),
  })
  .superRefine((v, ctx) => {
    if (REASON_REQUIRED.includes(v.action) && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: 'verify.reason_required' });
    if (v.releaseUscc && !RELEASES_USCC.includes(v.action)) ctx.addIssue({ code: 'custom', path: ['releaseUscc'], message: 'invalid' });
  });

const pageParam = z
  .string()
  .regex(/^\d{1,6}$/, 'page')
  .transform(Number)
  .refine((n) => n >= 1, 'page')
  .catch(1)
  .default(1);

/** /admin/verification?ep=2&cp=1: the page of each list. A bad value falls back to page 1. */
export const verificationQueueQuerySchema = z.object({ ep: pageParam, cp: pageParam });
export type VerificationQueueQuery = z.output<typeof verificationQueueQuerySchema>;

/**
 * /admin/verification?code=…: the credit code a company was refused with, as it reads it out (spaces,
 * dashes, lower case are fine). Any 18 characters of the code's alphabet: a code registered "as
 * printed" may fail the check character.
 */
export const usccLookupSchema = z.object({
  code: z
    .string('uscc_length')
    .max(40, 'uscc_length')
    .transform(normaliseUscc)
    .pipe(
      z
        .string()
        .length(18, 'uscc_length')
        .refine((c) => [...c].every((ch) => USCC_CHARS.includes(ch)), 'uscc_charset'),
    ),
});
