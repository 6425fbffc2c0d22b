'use server';
import { getDb } from '@/db';
import { publicAction } from '@/lib/actions';
import { requestId } from '@/lib/auth/session';
import { registerEnterprise, registerInstitution } from '@/lib/registration';
import { enterpriseRegistrationSchema, institutionRegistrationSchema } from '@/lib/validation/auth';

export const registerEnterpriseAction = publicAction(enterpriseRegistrationSchema, async (input) => {
  const r = await registerEnterprise(await getDb(), input, await requestId());
  return { usccCheckOverridden: r.usccCheckOverridden };
});

export const registerInstitutionAction = publicAction(institutionRegistrationSchema, async (input) => {
  await registerInstitution(await getDb(), input, await requestId());
  return null;
});
