import { redirect } from 'next/navigation';
import { landingFor } from '@/lib/auth/account';
import { currentAccount } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/safe-redirect';

/**
 * Sends a freshly signed-in user where they were going (a path on this site), else to their own
 * area; users of an organisation that may not act go to /account/status.
 */
export default async function AfterSignIn({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const account = await currentAccount();
  if (!account) redirect('/login');
  redirect(landingFor(account, safeCallbackPath(typeof sp.callbackUrl === 'string' ? sp.callbackUrl : null)));
}
