'use server';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { submitApplication } from '@/lib/applications/service';
import { requestId } from '@/lib/auth/session';
import { applicationFormSchema } from '@/lib/validation/application';

export const submitApplicationAction = actorAction(['enterprise'], applicationFormSchema, async (actor, input) => {
  const r = await submitApplication(await getDb(), actor, input, await requestId());
  // No revalidatePath: the form goes on to the new application's page (fetched afresh, as every
  // signed-in page is dynamic), and a revalidation would only render this apply page once more
  // inside the action's answer for nobody to see.
  return { id: r.application.id, created: r.created };
});
