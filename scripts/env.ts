// Zero-config environment for the embedded database: the auth secret is generated once and kept
// beside the PGlite folder. With DATABASE_URL (production) the secret must come from the environment.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function resolveAppEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  out.PORT ||= '3000';
  out.NEXTAUTH_URL ||= `http://localhost:${out.PORT}`;
  if (!out.DATABASE_URL) {
    out.PGLITE_DIR ||= path.join(process.cwd(), '.data', 'pglite');
    if (!out.NEXTAUTH_SECRET) {
      const file = path.join(path.dirname(out.PGLITE_DIR), 'auth-secret');
      if (!fs.existsSync(file)) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
      }
      out.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
    }
  } else if (!out.NEXTAUTH_SECRET) {
    throw new Error('NEXTAUTH_SECRET must be set when DATABASE_URL is set (every app instance needs the same secret).');
  }
  return out;
}
