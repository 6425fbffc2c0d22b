// The Content-Security-Policy of every page and route proxy.ts runs for. Scripts run only with the
// request's nonce (Next reads it from the request's CSP header and puts it on its own scripts;
// 'strict-dynamic' lets those load the chunks they import). Styles allow 'unsafe-inline': React
// server-renders style attributes (recharts' containers and Next's own) and a nonce cannot cover
// attributes. The paths the proxy skips get a fixed policy from next.config.js.

export interface CspOptions {
  nonce: string;
  /** Served over https: upgrade any http subresource. */
  https: boolean;
  /** `next dev` only: React's dev build evaluates strings for its stack frames. */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, https, dev }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** 128 random bits, base64 (the alphabet Next's nonce parser accepts). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** https as the client saw it: the first hop's x-forwarded-proto (Next sets it when absent), or the URL. */
export function isHttps(forwardedProto: string | null, url: URL): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first ? first === 'https' : url.protocol === 'https:';
}
