'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { publishWeightSet } from '@/lib/innovation/service';
import { weightSetPublishSchema } from '@/lib/validation/innovation';

export const publishWeightSetAction = actorAction(['admin'], weightSetPublishSchema, async (actor, input) => {
  const w = await publishWeightSet(await getDb(), actor, input.name, input.weightsJson, await requestId());
  revalidatePath('/admin/weights');
  return { version: w.version };
});
