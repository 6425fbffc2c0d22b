// An admin's decision on an institution (/admin/institutions): approve, suspend, reactivate, or
// reject an application to join with a reason its users will read. One shape for the form and the action.
import { z } from 'zod';
import { multilineText } from './common';

export const INSTITUTION_DECISIONS = ['approve', 'suspend', 'reactivate', 'reject'] as const;
export const INSTITUTION_REASON_MAX = 500;

export const institutionDecisionSchema = z
  .object({
    institutionId: z.uuid('not_found'),
    action: z.enum(INSTITUTION_DECISIONS, 'transition'),
    reason: multilineText(INSTITUTION_REASON_MAX).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'reject' && v.reason.trim().length < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'admin.reason_required' });
  });
