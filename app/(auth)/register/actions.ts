'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db';
import { publicAction } from '@/lib/server/actions';
import { clientAddress } from '@/lib/auth/next-auth';
import { requestId } from '@/lib/auth/session';
import { registerEnterprise, registerInstitution } from '@/lib/enterprises/registration';
import { enterpriseRegistrationSchema, institutionRegistrationSchema } from '@/lib/validation/auth';

async function context() {
  return { ip: clientAddress(await headers()), requestId: await requestId() };
}

export const registerEnterpriseAction = publicAction(enterpriseRegistrationSchema, async (input) => {
  const r = await registerEnterprise(await getDb(), input, await context());
  return { usccCheckOverridden: r.usccCheckOverridden };
});

export const registerInstitutionAction = publicAction(institutionRegistrationSchema, async (input) => {
  await registerInstitution(await getDb(), input, await context());
  return null;
});
