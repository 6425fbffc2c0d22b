import { redirect } from 'next/navigation';
import { homeFor } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/session';

/** Sends a freshly signed-in user to their own area. */
export default async function AfterSignIn() {
  const actor = await currentActor();
  redirect(actor ? homeFor(actor.role) : '/login');
}
