'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { markAllRead } from '@/db/queries/notifications';
import { actorAction } from '@/lib/server/actions';

export const markAllReadAction = actorAction(['enterprise', 'institution', 'admin'], z.object({}), async (actor) => {
  await markAllRead(await getDb(), actor);
  revalidatePath('/', 'layout');
  return null;
});
