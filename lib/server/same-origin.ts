// A route handler that changes data (POST /api/documents) answers only a request its own pages
// sent: the browser's Origin names this host, as Next checks for server actions. SameSite=Lax
// cookies alone let a page of the same site (another port of the host, a sibling subdomain) post
// a document into a signed-in enterprise's vault.

/** The host the request was addressed to (x-forwarded-host behind a proxy, as Next reads it). */
function requestHost(headers: Headers): string | null {
  return headers.get('x-forwarded-host')?.split(',')[0].trim() || headers.get('host');
}

/** Whether the request carries an Origin whose host is the one it was sent to. */
export function isSameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  const host = requestHost(headers);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * A server action posted from another origin: the request names an Origin that is not the host it
 * was sent to. Next refuses it too, but by throwing, which answered 500 and logged an error for
 * every probe; proxy.ts answers 403 first. Without an Origin (not sent by a browser's fetch) Next
 * decides, as it does.
 */
export function isForeignAction(method: string, headers: Headers): boolean {
  return method === 'POST' && headers.has('next-action') && headers.has('origin') && !isSameOrigin(headers);
}
