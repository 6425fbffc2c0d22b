'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { revokeConsent } from '@/lib/documents/vault';

export const revokeConsentAction = actorAction(['enterprise'], z.object({ consentId: z.uuid('not_found') }), async (actor, input) => {
  await revokeConsent(await getDb(), actor, input.consentId, await requestId());
  revalidatePath('/enterprise/documents');
  return {};
});
