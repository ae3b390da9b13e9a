import type { BuiltinSources, CountryTemplate } from './builtin-sources.js';

/**
 * The countries (ISO codes, in countries.json order) each country template is filled for: those
 * that provide every slot the template's texts use and every slot it `requires`.
 */
export function countryTemplateTargets(sources: BuiltinSources): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  for (const template of sources.templates.templates) {
    const needed = requiredSlots(template);
    targets.set(
      template.id,
      sources.countries.countries
        .filter((country) => needed.every((slot) => slot in country.slots))
        .map((country) => country.iso),
    );
  }
  return targets;
}

/** The groups (ids, in symmetry.json order) each symmetry template is filled for: every group of the kinds it declares. */
export function symmetryTemplateTargets(sources: BuiltinSources): Map<string, string[]> {
  const { groups, templates } = sources.symmetry;
  return new Map(
    templates.map((template) => [
      template.id,
      groups.filter((group) => template.kinds.includes(group.kind)).map((group) => group.id),
    ]),
  );
}

/** Every slot a country must provide for the template to be filled for it. */
export function requiredSlots(template: CountryTemplate): string[] {
  return [
    ...new Set([
      ...placeholdersOf(template.text.en),
      ...placeholdersOf(template.text.zh),
      ...(template.requires ?? []),
    ]),
  ];
}

const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

/** The slot names a template text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/**
 * Replaces every `{slot}` in a template text with its value. Throws when a slot has no value or
 * when braces are left over, so a typo in the sources fails the build instead of shipping.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  const filled = text.replace(PLACEHOLDER, (placeholder, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for ${placeholder} in "${text}"`);
    return value;
  });
  if (/[{}]/.test(filled)) throw new Error(`unfilled or malformed placeholder left in "${filled}"`);
  return filled;
}
