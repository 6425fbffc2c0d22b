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
          maxWorkers: 1,
          fileParallelism: false,
        },
      },
    ],
  },
});
