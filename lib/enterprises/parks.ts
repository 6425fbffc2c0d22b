/** The park whose district matches the USCC's district code (positions 3–8), if exactly one does. */
export function suggestPark<P extends { id: number; districtCode: string }>(parks: P[], districtCode: string | undefined): P | null {
  if (!districtCode) return null;
  const hits = parks.filter((p) => p.districtCode === districtCode);
  return hits.length === 1 ? hits[0] : null;
}

/**
 * The zone's cities: the first four digits (province + prefecture, GB/T 2260) of its parks'
 * district codes — 4406 for Foshan's 一区五园. Parks are data, so another zone gets its own.
 */
export function zoneCityPrefixes(parks: readonly { districtCode: string }[]): string[] {
  return [...new Set(parks.map((p) => p.districtCode.slice(0, 4)))].sort();
}

/**
 * Whether a credit code was issued outside the zone's cities: its administrative-division code
 * (characters 3–8 of the USCC, GB 32100-2015) does not start with one of the zone's prefixes. A
 * code whose division part is not six digits is outside too (an admin should look at it). With no
 * parks there is no zone to be outside of.
 */
export function usccOutsideZone(uscc: string, parks: readonly { districtCode: string }[]): boolean {
  const prefixes = zoneCityPrefixes(parks);
  if (prefixes.length === 0) return false;
  const division = uscc.replace(/\s/g, '').toUpperCase().slice(2, 8);
  return !/^\d{6}$/.test(division) || !prefixes.includes(division.slice(0, 4));
}
