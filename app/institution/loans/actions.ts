'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { recordRepayment, transitionLoan } from '@/lib/loans/service';
import { enforcePledge, registerPledge } from '@/lib/ip/pledges';
import { fileClaim } from '@/lib/schemes/service';
import { claimFilingSchema, loanActionSchema, pledgeActionSchema, pledgeRegistrationSchema, repaymentSchema } from '@/lib/validation/loans';

function revalidateLoan(loanId: string | null) {
  revalidatePath('/institution/loans');
  if (loanId) revalidatePath(`/institution/loans/${loanId}`);
}

export const recordRepaymentAction = actorAction(['institution'], repaymentSchema, async (actor, input) => {
  const { loan } = await recordRepayment(
    await getDb(),
    actor,
    input.loanId,
    { principalFen: input.principalFen, interestFen: input.interestFen, paidOn: input.paidOn },
    await requestId(),
  );
  revalidateLoan(loan.id);
  return { status: loan.status, outstandingFen: loan.outstandingFen.toString() };
});

export const loanTransitionAction = actorAction(['institution'], loanActionSchema, async (actor, input) => {
  const loan = await transitionLoan(await getDb(), actor, input.loanId, input.action, await requestId());
  revalidateLoan(loan.id);
  return { status: loan.status };
});

export const fileClaimAction = actorAction(['institution'], claimFilingSchema, async (actor, input) => {
  const claim = await fileClaim(await getDb(), actor, input.loanId, { lossFen: input.lossFen }, await requestId());
  revalidateLoan(input.loanId);
  revalidatePath('/admin/schemes');
  return { id: claim.id, compensationFen: claim.compensationFen.toString() };
});

/** 质押登记, from the loan page or the application page (before disbursement). */
export const registerPledgeAction = actorAction(['institution'], pledgeRegistrationSchema, async (actor, input) => {
  const pledge = await registerPledge(
    await getDb(),
    actor,
    input.pledgeId,
    { registrationNumber: input.registrationNumber, registeredOn: input.registeredOn },
    await requestId(),
  );
  revalidateLoan(pledge.loanId);
  revalidatePath(`/institution/applications/${pledge.applicationId}`);
  return { status: pledge.status };
});

export const enforcePledgeAction = actorAction(['institution'], pledgeActionSchema, async (actor, input) => {
  const pledge = await enforcePledge(await getDb(), actor, input.pledgeId, await requestId());
  revalidateLoan(pledge.loanId);
  return { status: pledge.status };
});
