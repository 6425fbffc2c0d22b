// Signing in the way a browser does (next-auth's credentials endpoint), and calling a server action
// the way React's client does (POST to the page with the Next-Action header, arguments as JSON).
import fs from 'node:fs';
import path from 'node:path';

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    if (i > 0) out.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
  return out;
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in with email and password; answers the Cookie header that carries the session. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  for (const [k, v] of cookiesOf(csrfRes)) jar.set(k, v);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header(jar), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: 'true' }),
    signal: AbortSignal.timeout(30_000),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.includes('session-token')))
    throw new Error(`sign-in as ${email} failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  // The session works: the session endpoint knows the user.
  const s = await fetch(`${base}/api/auth/session`, { headers: { cookie: header(jar) }, signal: AbortSignal.timeout(30_000) });
  const body = (await s.json()) as { user?: { email?: string } };
  if (body.user?.email !== email) throw new Error(`sign-in as ${email}: the session does not know the user (${JSON.stringify(body).slice(0, 200)})`);
  return header(jar);
}

/** A server action's id from the build's server-reference manifest, by its module and export. */
export function actionId(distDir: string, file: string, exportName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  for (const [id, a] of Object.entries(manifest.node)) if (a.filename === file && a.exportedName === exportName) return id;
  throw new Error(`server action ${file}#${exportName} is not in the build (${distDir})`);
}

export function actionRequest(base: string, page: string, id: string, cookie: string, args: unknown[]) {
  return {
    method: 'POST' as const,
    path: page,
    headers: { 'next-action': id, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8', cookie, origin: base },
    body: JSON.stringify(args),
  };
}

/** An action's answer (React Flight rows) says { ok: true }. */
export const actionOk = (body: string) => /"ok":true/.test(body) && !/"ok":false/.test(body);

/** One request with fetch, for warm-up, capture and preparation. */
export async function send(base: string, r: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  const res = await fetch(base + r.path, {
    method: r.method ?? 'GET',
    headers: r.headers,
    body: r.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(120_000),
  }).catch((e: Error) => {
    throw new Error(`${r.method ?? 'GET'} ${r.path}: ${e.name === 'TimeoutError' ? 'no answer within 120 s' : e.message}`);
  });
  const text = await res.text();
  return { status: res.status, body: text, location: res.headers.get('location') };
}
