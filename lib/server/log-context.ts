// The request a piece of code runs for, without passing it down: scripts/server.ts runs each
// request inside `runWithRequest`, and the session code records the signed-in user with `noteUser`.
// The log lines written meanwhile carry both (lib/server/log.ts), and the server's request line ends with
// the user it learned. Kept on globalThis: Next's bundles and scripts/server.ts each load their own
// copy of this module.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  userId?: string;
}

const g = globalThis as unknown as { __krtRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (g.__krtRequestContext ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequest<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** The signed-in user of the current request (an id, never a name or email). */
export function noteUser(userId: string | null | undefined): void {
  const c = storage.getStore();
  if (c && userId) c.userId = userId;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** A request id sent by a proxy in front (x-request-id) is kept when it looks like one; else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && REQUEST_ID.test(v) ? v : crypto.randomUUID();
}
