// The private page cache's key for a signed-in request (lib/server/private-page-cache.ts), made
// inside Next's bundle (registered by instrumentation.ts): the session token decrypted and checked as
// next-auth checks it (lib/auth/jwt.ts: same key, same expiry rule), then the user's account row and
// the data version in one statement. Null, so the request is rendered as usual, whenever the page
// would not simply render for an active user: no or a bad token, the user gone or disabled, the
// session ended (session version), the organisation not allowed to act (the page redirects).
import type { Db } from '../../db/client';
import { sessionAccountAndDataVersion } from '../../db/queries/users';
import { accountState, signedInAccount } from '../auth/account';
import { decode } from '../auth/jwt';
import type { PrivatePageSource } from './session-reads';

export function makePrivatePageSource(db: () => Promise<Db>, secret: string): PrivatePageSource {
  return async (token) => {
    let payload: Awaited<ReturnType<typeof decode>>;
    try {
      payload = await decode({ token, secret });
    } catch {
      return null;
    }
    const userId = payload?.sub;
    const sv = payload?.sv;
    if (typeof userId !== 'string' || typeof sv !== 'number') return null;
    const read = await sessionAccountAndDataVersion(await db(), userId);
    if (!read || read.dataVersion === null) return null;
    const account = signedInAccount(read.row, sv);
    if (!account?.active) return null;
    const version = Number(read.dataVersion);
    if (!Number.isSafeInteger(version)) return null;
    return { userId, state: accountState(read.row), version };
  };
}
