/**
 * Sweden's 21 regions (the county councils since 2019) under the names they use
 * themselves, for the spelling vocabulary and anything else that names a region.
 */
export const REGIONER: readonly string[] = [
  'Region Stockholm',
  'Region Uppsala',
  'Region Sörmland',
  'Region Östergötland',
  'Region Jönköpings län',
  'Region Kronoberg',
  'Region Kalmar län',
  'Region Gotland',
  'Region Blekinge',
  'Region Skåne',
  'Region Halland',
  'Västra Götalandsregionen',
  'Region Värmland',
  'Region Örebro län',
  'Region Västmanland',
  'Region Dalarna',
  'Region Gävleborg',
  'Region Västernorrland',
  'Region Jämtland Härjedalen',
  'Region Västerbotten',
  'Region Norrbotten',
];
