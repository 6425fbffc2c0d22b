'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { revokeConsent } from '@/lib/documents/vault';

// Open to a rejected enterprise too (from /account/status): withdrawing only takes access away.
export const revokeConsentAction = actorAction(
  ['enterprise'],
  z.object({ consentId: z.uuid('not_found') }),
  async (actor, input) => {
    await revokeConsent(await getDb(), actor, input.consentId, await requestId());
    revalidatePath('/enterprise/documents');
    revalidatePath('/account/status');
    return {};
  },
  { evenInactive: true },
);
