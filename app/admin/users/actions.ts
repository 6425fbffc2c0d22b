'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { actorAction } from '@/lib/server/actions';
import { requestId } from '@/lib/auth/session';
import { issuePasswordReset, setUserStatus, signOutEverywhere } from '@/lib/admin/users';
import { passwordResetSchema, userStatusActionSchema } from '@/lib/validation/admin';

export const setUserStatusAction = actorAction(['admin'], userStatusActionSchema, async (actor, input) => {
  const after = await setUserStatus(await getDb(), actor, input.userId, input.action, await requestId());
  revalidatePath('/admin/users');
  return { status: after.status };
});

/** The link is returned once, to be shown to the admin; only its hash is stored. */
export const issuePasswordResetAction = actorAction(['admin'], passwordResetSchema, async (actor, input) => {
  const r = await issuePasswordReset(await getDb(), actor, input.userId, await requestId());
  return { link: `/set-password?token=${encodeURIComponent(r.token)}`, expiresAt: r.expiresAt.toISOString() };
});

/** 强制下线: every open session of the user ends at its next request. The user id has the reset link's shape. */
export const signOutEverywhereAction = actorAction(['admin'], passwordResetSchema, async (actor, input) => {
  await signOutEverywhere(await getDb(), actor, input.userId, await requestId());
  return null;
});
