import { describe, expect, it } from 'vitest';
import { AppError, withoutRefusedParams } from './errors';

describe('withoutRefusedParams', () => {
  it('drops each parameter the run refuses by name, says so, and answers without them', async () => {
    const said: string[] = [];
    const run = async (q: { park?: string; category?: string; page: number }) => {
      if (q.category === 'nosuch') throw new AppError('invalid', 'unknown_category', { param: 'category' });
      if (q.park === 'nowhere') throw new AppError('invalid', 'unknown_park', { param: 'park' });
      return `page ${q.page}`;
    };
    const r = await withoutRefusedParams({ park: 'nowhere', category: 'nosuch', page: 2 }, run, (p, k) => said.push(`${p}:${k}`));
    expect(r).toEqual({ query: { park: undefined, category: undefined, page: 2 }, result: 'page 2' });
    expect(said).toEqual(['category:unknown_category', 'park:unknown_park']);
  });

  it('rethrows an error that names no parameter of the query, or one already dropped', async () => {
    const boom = new AppError('conflict', 'x');
    await expect(
      withoutRefusedParams(
        { a: 1 },
        async () => Promise.reject(boom),
        () => {},
      ),
    ).rejects.toBe(boom);
    const loop = new AppError('invalid', 'unknown_park', { param: 'park' });
    await expect(
      withoutRefusedParams(
        { park: 'x' },
        async () => Promise.reject(loop),
        () => {},
      ),
    ).rejects.toBe(loop);
    await expect(
      withoutRefusedParams(
        { a: 1 },
        async () => Promise.reject(new Error('db down')),
        () => {},
      ),
    ).rejects.toThrow('db down');
  });
});
