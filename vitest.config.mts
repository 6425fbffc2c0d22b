import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { 'server-only': path.join(import.meta.dirname, 'node_modules/server-only/empty.js') };

export default defineConfig({
  resolve: { tsconfigPaths: true, alias },
  test: {
    pool: 'threads',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Files share their worker's modules: the unit tests are pure (no database, no mocks, no
          // environment or global changes), and importing the modules anew for each of the ~70 files
          // was two thirds of the stage (17 s alone, 6 s shared).
          isolate: false,
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
          // A worker's files share its modules, PGlite's compiled WebAssembly among them: importing
          // the app's modules and PGlite anew in a fresh process for each of the ~45 files was 40 %
          // of the stage (144 s alone, 81 s shared). Files hold no state in modules: each opens its
          // own database and passes it down; nothing is mocked or stubbed (the files pass in any
          // order: --sequence.shuffle.files).
          isolate: false,
        },
      },
    ],
  },
});
