import { expect, it } from 'vitest';
import { sameViewQuery } from './links';

it('keeps the view’s parameters, sets the one asked for, and drops repeated ones it cannot carry', () => {
  expect(sameViewQuery({ from: '2026-01-01', to: '2026-12-31', park: 'nanhai', league: undefined }, { league: 'all' })).toBe(
    '?from=2026-01-01&to=2026-12-31&park=nanhai&league=all',
  );
  expect(sameViewQuery({ breakdown: 'park', league: 'all' }, { league: 'all' })).toBe('?breakdown=park&league=all');
  expect(sameViewQuery({ park: ['a', 'b'], q: '园 区&x' }, { league: 'all' })).toBe('?q=%E5%9B%AD+%E5%8C%BA%26x&league=all');
});
