'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { decideInstitution } from '@/lib/institutions/service';
import { institutionDecisionSchema } from '@/lib/validation/institution';

export const decideInstitutionAction = actorAction(['admin'], institutionDecisionSchema, async (actor, input) => {
  const after = await decideInstitution(await getDb(), actor, input.institutionId, input.action, await requestId(), input.reason);
  revalidatePath('/admin');
  revalidatePath('/admin/institutions');
  return { status: after.status };
});
