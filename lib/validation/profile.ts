import { z } from 'zod';
import { CERTIFICATION_KINDS } from '../core/domain';
import { emailField, historicDateField, INDUSTRY_SECTIONS, isoDateField, newPasswordField, nonNegativeIntField, requiredText, wanField } from './common';
import { fenToWanInput } from '../core/money';

export const profileFormSchema = z
  .object({
    name: requiredText(100),
    parkId: z
      .string()
      .regex(/^\d{1,9}$/, 'park')
      .transform(Number),
    industry: z.enum(INDUSTRY_SECTIONS, 'industry'),
    foundedOn: historicDateField,
    registeredCapitalWan: wanField({ bound: '1000yi' }),
    employees: nonNegativeIntField,
    revenueWan: wanField({ bound: '1wanyi' }),
    rndExpenseWan: wanField({ bound: '1000yi' }),
  })
  .superRefine((v, ctx) => {
    if (v.foundedOn > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['foundedOn'], message: 'date_future' });
  })
  .transform(({ registeredCapitalWan, revenueWan, rndExpenseWan, ...v }) => ({
    ...v,
    registeredCapitalFen: registeredCapitalWan,
    revenueFen: revenueWan,
    rndExpenseFen: rndExpenseWan,
  }));
export type ProfileFormInput = z.input<typeof profileFormSchema>;

export function profileToForm(e: {
  name: string;
  parkId: number;
  industry: string;
  foundedOn: string;
  registeredCapitalFen: bigint;
  employees: number;
  revenueFen: bigint;
  rndExpenseFen: bigint;
}): ProfileFormInput {
  // Registration leaves revenue and R&D expense at 0 until the enterprise enters them: both 0 is
  // "not entered yet" (blank fields to fill, as the home page's first steps say), not a figure it typed.
  const entered = e.revenueFen !== 0n || e.rndExpenseFen !== 0n;
  return {
    name: e.name,
    parkId: String(e.parkId),
    industry: e.industry as ProfileFormInput['industry'],
    foundedOn: e.foundedOn,
    registeredCapitalWan: fenToWanInput(e.registeredCapitalFen),
    employees: String(e.employees),
    revenueWan: entered ? fenToWanInput(e.revenueFen) : '',
    rndExpenseWan: entered ? fenToWanInput(e.rndExpenseFen) : '',
  };
}

export const certificationFormSchema = z
  .object({
    kind: z.enum(CERTIFICATION_KINDS, 'profile.errors.kind'),
    number: requiredText(60),
    validFrom: isoDateField,
    validTo: isoDateField,
  })
  .superRefine((v, ctx) => {
    if (v.validFrom > v.validTo) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'profile.errors.valid_to' });
  });
export type CertificationFormInput = z.input<typeof certificationFormSchema>;

export const inviteFormSchema = z.object({
  name: requiredText(50),
  email: emailField,
  memberRole: z.enum(['owner', 'officer'], 'profile.errors.member_role'),
});

export const setPasswordSchema = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'profile.errors.token'), password: newPasswordField, passwordConfirm: z.string() })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'password_mismatch' });
  });
export const idSchema = z.object({ id: z.uuid('not_found') });
