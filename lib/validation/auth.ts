import { z } from 'zod';
import { INSTITUTION_KINDS } from '../../db/enums';
import { checkUscc } from '../enterprises/uscc';
import { emailField, historicDateField, INDUSTRY_SECTIONS, newPasswordField, nonNegativeIntField, phoneField, requiredText, wanField } from './common';

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'required').max(200, 'too_long'),
});
export type SignInInput = z.input<typeof signInSchema>;

/** The USCC field: format errors always; a failed check only unless the user confirms. */
function usccRules<T extends { uscc: string; confirmAsPrinted?: boolean }>(allowOverride: boolean) {
  return (v: T, ctx: z.RefinementCtx) => {
    const r = checkUscc(v.uscc);
    if (r.ok) return;
    if (r.error === 'check' && allowOverride && v.confirmAsPrinted) return;
    ctx.addIssue({ code: 'custom', path: ['uscc'], message: `uscc_${r.error}` });
  };
}

/**
 * Object refinements run, with `when`, even while other fields are wrong, so one submit shows every
 * problem (a wrong check character beside an empty name), once their own fields have parsed.
 */
const whenValid =
  (...fields: string[]) =>
  (payload: z.core.ParsePayload): boolean =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !Array.isArray(payload.value) &&
    !payload.issues.some((i) => !i.path?.length || fields.includes(String(i.path[0])));

function passwordsMatch<T extends { password: string; passwordConfirm: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'password_mismatch' });
}

const account = {
  contactName: requiredText(50),
  email: emailField,
  password: newPasswordField,
  passwordConfirm: z.string(),
};

export const enterpriseRegistrationSchema = z
  .object({
    uscc: requiredText(30),
    confirmAsPrinted: z.boolean(),
    name: requiredText(100),
    parkId: z
      .string()
      .regex(/^\d{1,9}$/, 'park')
      .transform(Number),
    industry: z.enum(INDUSTRY_SECTIONS, 'industry'),
    foundedOn: historicDateField,
    registeredCapitalWan: wanField({ bound: '1000yi' }),
    employees: nonNegativeIntField,
    ...account,
  })
  .superRefine(usccRules(true), { when: whenValid('uscc', 'confirmAsPrinted') })
  .superRefine(passwordsMatch, { when: whenValid('password', 'passwordConfirm') })
  .superRefine((v, ctx) => {
    if (v.foundedOn > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['foundedOn'], message: 'date_future' });
  })
  .transform(({ registeredCapitalWan, ...v }) => ({ ...v, registeredCapitalFen: registeredCapitalWan }));
export type EnterpriseRegistrationInput = z.input<typeof enterpriseRegistrationSchema>;
export type EnterpriseRegistration = z.output<typeof enterpriseRegistrationSchema>;

export { INSTITUTION_KINDS };

export const institutionRegistrationSchema = z
  .object({
    uscc: requiredText(30),
    name: requiredText(100),
    kind: z.enum(INSTITUTION_KINDS, 'institution_kind'),
    contactPhone: phoneField,
    ...account,
  })
  .superRefine(usccRules(false), { when: whenValid('uscc') })
  .superRefine(passwordsMatch, { when: whenValid('password', 'passwordConfirm') });
export type InstitutionRegistrationInput = z.input<typeof institutionRegistrationSchema>;
export type InstitutionRegistration = z.output<typeof institutionRegistrationSchema>;
