// The zone administrator's oversight: user status and reset-link actions, and the URL parameters of
// /admin/institutions, /admin/users and /admin/audit. One shape for the pages, the server actions
// and lib/admin/users.ts. A bad page number falls back to page 1; other bad filters are reported.
import { z } from 'zod';
import { ROLES } from '../auth/actor';
import { USER_STATUS_ACTIONS } from '../machines/user';
import { isoDateField, plainText } from './common';

export const ADMIN_PAGE_SIZE = 20;

export const INSTITUTION_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const;
export const USER_STATUSES = ['active', 'disabled'] as const;

/** The entities the platform audits (the `entity` of machines and writeAudit calls). */
export const AUDIT_ENTITIES = [
  'institution',
  'enterprise',
  'certification',
  'user',
  'product',
  'financing_need',
  'match',
  'application',
  'loan',
  'pledge',
  'ip_asset',
  'consent',
  'risk_scheme',
  'claim',
  'innovation_inputs',
  'innovation_weight_set',
  'calendar_day',
  'product_category',
] as const;

// ---------------------------------------------------------------- actions
export const userStatusActionSchema = z.object({
  userId: z.uuid('not_found'),
  action: z.enum(USER_STATUS_ACTIONS, 'transition'),
});

export const passwordResetSchema = z.object({ userId: z.uuid('not_found') });

// ---------------------------------------------------------------- list parameters
const pageParam = z
  .string()
  .regex(/^\d{1,6}$/, 'page')
  .transform(Number)
  .refine((n) => n >= 1, 'page')
  .catch(1)
  .default(1);
const searchText = plainText(100).optional();
/** A uuid, or else free text (an e-mail or a name) the use case resolves. */

export const institutionListQuerySchema = z.object({
  status: z.enum(INSTITUTION_STATUSES, 'invalid').optional(),
  q: searchText,
  page: pageParam,
});

export const userSearchQuerySchema = z.object({
  q: searchText, // e-mail or name
  role: z.enum(ROLES, 'invalid').optional(),
  status: z.enum(USER_STATUSES, 'invalid').optional(),
  org: searchText, // organisation id or name
  page: pageParam,
});

/** The start of a calendar day in the zone (Asia/Shanghai is UTC+8 all year: no daylight saving). */
export function zoneDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export const auditQuerySchema = z
  .object({
    actor: searchText, // user id or e-mail
    org: searchText, // institution or enterprise id, or part of its name
    entity: z
      .string()
      .regex(/^[a-z_]{1,40}$/, 'invalid')
      .optional(),
    entityId: plainText(80).optional(),
    from: isoDateField.optional(), // zone days, both inclusive
    to: isoDateField.optional(),
    page: pageParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'oversight.errors.period' })
  .transform((q) => ({
    ...q,
    /** [fromAt, toAt): from 00:00 of `from` to 00:00 after `to`, in the zone's time. */
    fromAt: q.from ? zoneDayStart(q.from) : undefined,
    toAt: q.to ? new Date(zoneDayStart(q.to).getTime() + 86_400_000) : undefined,
  }));
export type AuditQueryInput = z.input<typeof auditQuerySchema>;
export type AuditQuery = z.output<typeof auditQuerySchema>;
