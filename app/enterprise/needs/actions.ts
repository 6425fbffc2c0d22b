'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { createNeed, transitionNeed, updateNeed } from '@/lib/needs/service';
import { needActionSchema, needFormSchema, type NeedFormInput } from '@/lib/validation/need';

export const createNeedAction = actorAction(['enterprise'], needFormSchema, async (actor, input) => {
  const n = await createNeed(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/needs');
  return { id: n.id };
});

export async function updateNeedAction(needId: string, values: NeedFormInput) {
  return actorAction(['enterprise'], needFormSchema, async (actor, input) => {
    if (!z.uuid().safeParse(needId).success) throw new AppError('not_found');
    const n = await updateNeed(await getDb(), actor, needId, input, await requestId());
    revalidatePath(`/enterprise/needs/${needId}`);
    return { id: n.id };
  })(values);
}

export const needTransitionAction = actorAction(['enterprise'], needActionSchema, async (actor, input) => {
  const n = await transitionNeed(await getDb(), actor, input.needId, input.action, await requestId());
  revalidatePath('/enterprise/needs');
  return { status: n.status };
});
