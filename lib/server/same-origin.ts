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
 * A POST from another origin: the request names an Origin that is not the host it was sent to. The
 * app takes POSTs only from its own pages (server actions, sent with fetch or as a plain form
 * submission, and the document upload) and next-auth's, which proxy.ts does not see. Next refuses a
 * foreign server action too, but by throwing, which answered 500 and logged an error for every
 * probe; proxy.ts answers 403 first. Without an Origin (no browser sends a POST without one) Next
 * decides, as it does.
 */
export function isForeignPost(method: string, headers: Headers): boolean {
  return method === 'POST' && headers.has('origin') && !isSameOrigin(headers);
}
