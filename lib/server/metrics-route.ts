// The route label of a request for metrics and logs: the path with ids taken out, so that
// /enterprise/applications/3f2c… and /enterprise/applications/9a1b… count as one route.
import { isUuid } from '../core/ids';

const NUMBER = /^\d+$/;
/** Long tokens with digits: credit codes, patent numbers, hashes, build ids. */
const TOKEN = /^(?=.*\d)[A-Za-z0-9._~%-]{16,}$/;

export function routeOf(url: string | undefined): string {
  let path = (url ?? '/').split(/[?#]/)[0] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  if (path.startsWith('/_next/static/')) return '/_next/static/*';
  if (path.startsWith('/_next/image')) return '/_next/image';
  const segments = path.split('/').map((s) => {
    if (s === '') return s;
    if (isUuid(s)) return ':id';
    if (NUMBER.test(s)) return ':n';
    if (TOKEN.test(s)) return ':token';
    return s.length > 64 ? ':long' : s;
  });
  return segments.join('/') || '/';
}
