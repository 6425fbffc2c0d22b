'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { verificationDecisionSchema } from '@/lib/validation/verification';
import { decideCertification, decideEnterprise } from '@/lib/enterprises/verification';

function revalidateQueue() {
  revalidatePath('/admin/verification');
  revalidatePath('/admin');
}

export const decideEnterpriseAction = actorAction(['admin'], verificationDecisionSchema, async (actor, input) => {
  const after = await decideEnterprise(await getDb(), actor, input.id, input.action, input.reason, await requestId(), input.releaseUscc);
  revalidateQueue();
  return { verificationStatus: after.verificationStatus };
});

export const decideCertificationAction = actorAction(['admin'], verificationDecisionSchema, async (actor, input) => {
  const after = await decideCertification(await getDb(), actor, input.id, input.action, input.reason, await requestId());
  revalidateQueue();
  return { verificationStatus: after.verificationStatus };
});
