// Which build of the app this process runs: the BUILD_ID of the production build it serves, else
// (development, tests) an id of this process. What one instance stores for the others carries it
// (lib/figures/cache.ts): a deploy that changes how a figure is computed, or its shape, must not be
// served the previous build's answers.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// On globalThis: Next bundles the modules that use it separately; one id per process.
const g = globalThis as unknown as { __kerongtongBuildId?: string };

export function buildId(): string {
  if (g.__kerongtongBuildId) return g.__kerongtongBuildId;
  let id = '';
  if (process.env.NODE_ENV === 'production') {
    try {
      id = fs.readFileSync(path.join(process.cwd(), process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'), 'utf8').trim();
    } catch {
      // No build folder here (a script): an id of this process.
    }
  }
  g.__kerongtongBuildId = id ? `build-${id}` : `process-${randomUUID()}`;
  return g.__kerongtongBuildId;
}
