'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { submitApplication } from '@/lib/applications/service';
import { requestId } from '@/lib/auth/session';
import { applicationFormSchema } from '@/lib/validation/application';

export const submitApplicationAction = actorAction(['enterprise'], applicationFormSchema, async (actor, input) => {
  const r = await submitApplication(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/applications');
  return { id: r.application.id, created: r.created };
});
