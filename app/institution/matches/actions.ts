'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { expressInterest, expressInterestSchema } from '@/lib/matching/service';

export const expressInterestAction = actorAction(['institution'], expressInterestSchema, async (actor, input) => {
  const r = await expressInterest(await getDb(), actor, input.needId, input.productId, await requestId());
  revalidatePath('/institution/matches');
  return { matchId: r.match.id, created: r.created };
});
