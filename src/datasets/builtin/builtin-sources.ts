import { z } from 'zod';
import { CONTINENTS } from './iso-3166-alpha2.js';

/** The languages every built-in text is written in; the first is the source language. */
export const BUILTIN_LANGUAGES = ['en', 'zh'] as const;
export type BuiltinLanguage = (typeof BUILTIN_LANGUAGES)[number];

const text = z.string().trim().min(1);
const localizedText = z.strictObject({ en: text, zh: text });
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case identifier');
const slots = z.record(identifier, localizedText);

const countrySource = z.strictObject({
  iso: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  continent: z.enum(CONTINENTS),
  slots: slots.refine((value) => 'name' in value, 'every country needs a "name" slot'),
});

const countryTemplate = z.strictObject({
  id: identifier,
  domain: identifier,
  theme: identifier,
  variation: identifier,
  /** Slots a country must provide beyond those the text uses (e.g. "monarch" for abolishing a monarchy). */
  requires: z.array(identifier).optional(),
  text: localizedText,
});

const symmetryGroup = z.strictObject({ id: identifier, kind: identifier, slots });

const symmetryTemplate = z.strictObject({
  id: identifier,
  kinds: z.array(identifier).min(1),
  theme: identifier,
  variation: identifier,
  text: localizedText,
});

export const countriesFileSchema = z.strictObject({ about: text, countries: z.array(countrySource).min(1) });
export const templatesFileSchema = z.strictObject({
  about: text,
  domains: z.array(identifier).min(1),
  variations: z.array(identifier).min(1),
  templates: z.array(countryTemplate).min(1),
});
export const symmetryFileSchema = z.strictObject({
  about: text,
  kinds: z.array(identifier).min(1),
  groups: z.array(symmetryGroup).min(1),
  templates: z.array(symmetryTemplate).min(1),
});

export type LocalizedText = z.infer<typeof localizedText>;
export type CountrySource = z.infer<typeof countrySource>;
export type CountryTemplate = z.infer<typeof countryTemplate>;
export type SymmetryGroup = z.infer<typeof symmetryGroup>;
export type SymmetryTemplate = z.infer<typeof symmetryTemplate>;
export type CountriesFile = z.infer<typeof countriesFileSchema>;
export type TemplatesFile = z.infer<typeof templatesFileSchema>;
export type SymmetryFile = z.infer<typeof symmetryFileSchema>;

/** The hand-written sources the built-in question files are generated from. */
export interface BuiltinSources {
  countries: CountriesFile;
  templates: TemplatesFile;
  symmetry: SymmetryFile;
}

/** The source files, by the key of BuiltinSources they fill. */
export const BUILTIN_SOURCE_FILES = {
  countries: 'countries.json',
  templates: 'templates.json',
  symmetry: 'symmetry.json',
} as const satisfies Record<keyof BuiltinSources, string>;
