'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/actions';
import { requestId } from '@/lib/auth/session';
import { decideInstitution } from '@/lib/institutions';

const institutionDecisionSchema = z.object({
  institutionId: z.uuid('not_found'),
  action: z.enum(['approve', 'suspend', 'reactivate'], 'transition'),
});

export const decideInstitutionAction = actorAction(['admin'], institutionDecisionSchema, async (actor, input) => {
  const after = await decideInstitution(await getDb(), actor, input.institutionId, input.action, await requestId());
  revalidatePath('/admin');
  revalidatePath('/admin/institutions');
  return { status: after.status };
});
