'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { transitionApplication } from '@/lib/applications/service';
import { requestId } from '@/lib/auth/session';
import { applicationDecisionSchema } from '@/lib/validation/application';

export const decideApplicationAction = actorAction(['institution'], applicationDecisionSchema, async (actor, input) => {
  const a = await transitionApplication(await getDb(), actor, input, await requestId());
  revalidatePath(`/institution/applications/${a.id}`);
  return { status: a.status };
});
