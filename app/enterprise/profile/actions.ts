'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { addCertification, inviteColleague, removeCertification, updateProfile } from '@/lib/enterprises/profile';
import { certificationFormSchema, idSchema, inviteFormSchema, profileFormSchema } from '@/lib/validation/profile';

export const updateProfileAction = actorAction(['enterprise'], profileFormSchema, async (actor, input) => {
  await updateProfile(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/profile');
  return null;
});

export const addCertificationAction = actorAction(['enterprise'], certificationFormSchema, async (actor, input) => {
  const c = await addCertification(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/profile');
  return { id: c.id };
});

export const removeCertificationAction = actorAction(['enterprise'], idSchema, async (actor, input) => {
  await removeCertification(await getDb(), actor, input.id, await requestId());
  revalidatePath('/enterprise/profile');
  return null;
});

export const inviteColleagueAction = actorAction(['enterprise'], inviteFormSchema, async (actor, input) => {
  const r = await inviteColleague(await getDb(), actor, input, await requestId());
  revalidatePath('/enterprise/profile');
  return { link: `/set-password?token=${r.token}` };
});
