'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { transitionApplication } from '@/lib/applications/service';
import { requestId } from '@/lib/auth/session';
import { resubmitApplicationSchema } from '@/lib/validation/application';

export const withdrawApplicationAction = actorAction(['enterprise'], z.object({ applicationId: z.uuid('not_found') }), async (actor, input) => {
  const a = await transitionApplication(await getDb(), actor, { applicationId: input.applicationId, action: 'withdraw' }, await requestId());
  revalidatePath(`/enterprise/applications/${a.id}`);
  return { status: a.status };
});

/** 补充材料: shares the chosen vault documents and submits the application again. */
export const resubmitApplicationAction = actorAction(['enterprise'], resubmitApplicationSchema, async (actor, input) => {
  const a = await transitionApplication(await getDb(), actor, { ...input, action: 'resubmit' }, await requestId());
  revalidatePath(`/enterprise/applications/${a.id}`);
  return { status: a.status };
});
