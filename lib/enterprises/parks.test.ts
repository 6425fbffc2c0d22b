import { describe, expect, it } from 'vitest';
import { suggestPark, usccOutsideZone, zoneCityPrefixes } from './parks';
import { withUsccCheckChar } from './uscc';

const FOSHAN = [
  { id: 1, districtCode: '440604' }, // 禅城
  { id: 2, districtCode: '440605' }, // 南海
  { id: 3, districtCode: '440606' }, // 顺德
];

describe('the zone of a credit code', () => {
  it('takes the zone’s cities from its parks', () => {
    expect(zoneCityPrefixes(FOSHAN)).toEqual(['4406']);
    expect(zoneCityPrefixes([...FOSHAN, { districtCode: '440305' }])).toEqual(['4403', '4406']);
  });

  it('flags a code whose division (characters 3–8) is outside the zone’s cities', () => {
    expect(usccOutsideZone(withUsccCheckChar('91440605MA4W12345'), FOSHAN)).toBe(false); // 南海区
    expect(usccOutsideZone(withUsccCheckChar('91440600MA4W12345'), FOSHAN)).toBe(false); // 佛山市 itself
    expect(usccOutsideZone(withUsccCheckChar('91440608MA4W12345'), FOSHAN)).toBe(false); // 高明区, no park of its own listed here
    expect(usccOutsideZone(withUsccCheckChar('91440305MA5F12345'), FOSHAN)).toBe(true); // 深圳南山
    expect(usccOutsideZone(withUsccCheckChar('91110108MA0012345'), FOSHAN)).toBe(true); // 北京海淀
    expect(usccOutsideZone(' 91 4403 05MA5F1234 5', FOSHAN)).toBe(true);
    expect(usccOutsideZone('91ABCDEFMA5F12345X', FOSHAN)).toBe(true);
  });

  it('flags nothing when the zone has no parks', () => {
    expect(usccOutsideZone(withUsccCheckChar('91440305MA5F12345'), [])).toBe(false);
  });

  it('still suggests a park only for an exact district', () => {
    expect(suggestPark(FOSHAN, '440605')?.id).toBe(2);
    expect(suggestPark(FOSHAN, '440305')).toBeNull();
  });
});
