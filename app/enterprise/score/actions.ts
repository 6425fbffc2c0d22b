'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { saveInnovationInputs } from '@/lib/innovation/service';
import { innovationInputsFormSchema } from '@/lib/validation/innovation';

export const saveInnovationInputsAction = actorAction(['enterprise'], innovationInputsFormSchema, async (actor, input) => {
  const s = await saveInnovationInputs(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/score');
  return { total: s?.total ?? null };
});
