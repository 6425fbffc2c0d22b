'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { respondToInterest, respondToInterestSchema } from '@/lib/matching/service';

export const respondToInterestAction = actorAction(['enterprise'], respondToInterestSchema, async (actor, input) => {
  const r = await respondToInterest(await getDb(), actor, input.matchId, input.accept, await requestId());
  revalidatePath(`/enterprise/needs/${r.match.needId}`);
  return { status: r.match.status, accepted: r.accepted };
});
