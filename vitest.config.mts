import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { 'server-only': path.join(import.meta.dirname, 'node_modules/server-only/empty.js') };

export default defineConfig({
  resolve: { tsconfigPaths: true, alias },
  test: {
    pool: 'threads',
    maxWorkers: 2,
    // In both projects a worker's files share its modules: importing them anew for each file was two
    // thirds of the unit stage (17 s alone, 6 s shared) and, with PGlite's compiled WebAssembly, 40 %
    // of the integration stage (144 s alone, 81 s shared). No file holds state in modules: unit tests
    // are pure, each integration file opens its own database and passes it down, and nothing is
    // mocked, stubbed or set in the environment (the files pass in any order: --sequence.shuffle.files).
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['db/**/*.int.test.ts', 'lib/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two files at a time (the machine has two cores): each file has databases of its own
          // (db/testing.ts: a fresh PGlite, or a fresh database cloned from the template), so they
          // cannot see each other; the two workers are processes (forks), so the tests that measure
          // the process's memory (lib/documents/storage.int.test.ts) measure only their own file.
          // INT_WORKERS=1 runs them one by one.
          pool: 'forks',
          maxWorkers: Number(process.env.INT_WORKERS ?? 2),
          fileParallelism: true,
        },
      },
    ],
  },
});
