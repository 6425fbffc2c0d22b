import { describe, expect, it } from 'vitest';
import { dashboardWaitMs } from './service';

const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

describe('dashboardWaitMs', () => {
  it('waits 1 s on a PostgreSQL server, without limit on the embedded PGlite, and as FIGURES_WAIT_MS says when set', () => {
    expect(dashboardWaitMs(env({ DATABASE_URL: 'postgres://db.example/krt' }))).toBe(1000);
    expect(dashboardWaitMs(env({}))).toBe(Number.POSITIVE_INFINITY);
    expect(dashboardWaitMs(env({ DATABASE_URL: '' }))).toBe(Number.POSITIVE_INFINITY);
    expect(dashboardWaitMs(env({ DATABASE_URL: 'postgres://db.example/krt', FIGURES_WAIT_MS: '250' }))).toBe(250);
    expect(dashboardWaitMs(env({ FIGURES_WAIT_MS: '2000' }))).toBe(2000);
  });
});
