/** The park whose district matches the USCC's district code (positions 3–8), if exactly one does. */
export function suggestPark<P extends { id: number; districtCode: string }>(parks: P[], districtCode: string | undefined): P | null {
  if (!districtCode) return null;
  const hits = parks.filter((p) => p.districtCode === districtCode);
  return hits.length === 1 ? hits[0] : null;
}
