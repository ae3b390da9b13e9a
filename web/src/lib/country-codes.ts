/** ISO 3166-1 alpha-2 → numeric (world-atlas feature ids), for the countries questions usually target. */
export const ALPHA2_TO_NUMERIC: Record<string, string> = {
  AF: '004', AL: '008', DZ: '012', AO: '024', AR: '032', AM: '051', AU: '036', AT: '040', AZ: '031', BH: '048',
  BD: '050', BY: '112', BE: '056', BT: '064', BO: '068', BA: '070', BW: '072', BR: '076', BG: '100', KH: '116',
  CM: '120', CA: '124', TD: '148', CL: '152', CN: '156', CO: '170', CD: '180', HR: '191', CU: '192', CY: '196',
  CZ: '203', DK: '208', DJ: '262', DO: '214', EC: '218', EG: '818', SV: '222', ER: '232', EE: '233', ET: '231',
  FI: '246', FR: '250', GE: '268', DE: '276', GH: '288', GR: '300', GT: '320', HT: '332', HN: '340', HK: '344',
  HU: '348', IS: '352', IN: '356', ID: '360', IR: '364', IQ: '368', IE: '372', IL: '376', IT: '380', CI: '384',
  JM: '388', JP: '392', JO: '400', KZ: '398', KE: '404', KP: '408', KR: '410', KW: '414', KG: '417', LA: '418',
  LV: '428', LB: '422', LY: '434', LT: '440', LU: '442', MG: '450', MW: '454', MY: '458', ML: '466', MT: '470',
  MX: '484', MD: '498', MN: '496', ME: '499', MA: '504', MZ: '508', MM: '104', NA: '516', NP: '524', NL: '528',
  NZ: '554', NI: '558', NE: '562', NG: '566', MK: '807', NO: '578', OM: '512', PK: '586', PS: '275', PA: '591',
  PY: '600', PE: '604', PH: '608', PL: '616', PT: '620', QA: '634', RO: '642', RU: '643', RW: '646', SA: '682',
  SN: '686', RS: '688', SG: '702', SK: '703', SI: '705', SO: '706', ZA: '710', SS: '728', ES: '724', LK: '144',
  SD: '729', SE: '752', CH: '756', SY: '760', TW: '158', TJ: '762', TZ: '834', TH: '764', TN: '788', TR: '792',
  TM: '795', UG: '800', UA: '804', AE: '784', GB: '826', US: '840', UY: '858', UZ: '860', VE: '862', VN: '704',
  YE: '887', ZM: '894', ZW: '716',
};

/** The EU's member states: requests about "EU" colour all of them. */
export const EU_MEMBERS = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];

/** Numeric feature ids a target code covers ("EU" → its members). */
export function numericIdsOf(code: string): string[] {
  const members = code === 'EU' ? EU_MEMBERS : [code];
  return members.map((member) => ALPHA2_TO_NUMERIC[member]).filter((id): id is string => id !== undefined);
}
