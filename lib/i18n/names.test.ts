import { describe, expect, it } from 'vitest';
import { localName, localParkName } from './names';

describe('localised names', () => {
  const park = { name: '南海园', nameEn: 'Nanhai Park' };
  it('gives the Chinese name in Chinese and the English one in English', () => {
    expect(localName(park, 'zh')).toBe('南海园');
    expect(localName(park, 'en')).toBe('Nanhai Park');
  });
  it('reads a row that carries its park as parkName and parkNameEn', () => {
    const row = { id: 'x', parkName: park.name, parkNameEn: park.nameEn };
    expect(localParkName(row, 'zh')).toBe('南海园');
    expect(localParkName(row, 'en')).toBe('Nanhai Park');
  });
});
