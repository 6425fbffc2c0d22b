'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { decideClaim, payClaim, recordContribution } from '@/lib/schemes/service';
import { claimDecisionSchema, claimPaymentSchema, contributionSchema } from '@/lib/validation/loans';

export const recordContributionAction = actorAction(['admin'], contributionSchema, async (actor, input) => {
  const r = await recordContribution(
    await getDb(),
    actor,
    input.schemeId,
    { amountFen: input.amountFen, contributedOn: input.contributedOn, note: input.note },
    await requestId(),
  );
  revalidatePath('/admin/schemes');
  return { balanceFen: r.balanceFen.toString() };
});

export const decideClaimAction = actorAction(['admin'], claimDecisionSchema, async (actor, input) => {
  const claim = await decideClaim(await getDb(), actor, input.claimId, input.decision, input.reason, await requestId());
  revalidatePath('/admin/schemes');
  return { status: claim.status };
});

export const payClaimAction = actorAction(['admin'], claimPaymentSchema, async (actor, input) => {
  const claim = await payClaim(await getDb(), actor, input.claimId, await requestId());
  revalidatePath('/admin/schemes');
  return { status: claim.status, paidFen: claim.compensationFen.toString() };
});
