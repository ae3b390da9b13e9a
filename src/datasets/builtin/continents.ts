/** Continents a built-in target country is filed under (one each; transcontinental countries by their capital). */
export const CONTINENTS = ['africa', 'asia', 'europe', 'north_america', 'south_america', 'oceania'] as const;

export type Continent = (typeof CONTINENTS)[number];
