'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { markAllReadFor } from '@/lib/notifications/inbox';
import { actorAction } from '@/lib/server/actions';

export const markAllReadAction = actorAction(['enterprise', 'institution', 'admin'], z.object({}), async (actor) => {
  await markAllReadFor(await getDb(), actor);
  revalidatePath('/', 'layout');
  return null;
});
