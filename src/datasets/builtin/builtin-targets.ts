import type { BuiltinSources, CountryTemplate } from './builtin-sources.js';
import { placeholdersOf } from './fill-template.js';

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
      sources.countries.countries.filter((country) => needed.every((slot) => slot in country.slots)).map((country) => country.iso),
    );
  }
  return targets;
}

/** The groups (ids, in symmetry.json order) each symmetry template is filled for: every group of the kinds it declares. */
export function symmetryTemplateTargets(sources: BuiltinSources): Map<string, string[]> {
  const { groups, templates } = sources.symmetry;
  return new Map(
    templates.map((template) => [template.id, groups.filter((group) => template.kinds.includes(group.kind)).map((group) => group.id)]),
  );
}

/** Every slot a country must provide for the template to be filled for it. */
export function requiredSlots(template: CountryTemplate): string[] {
  return [...new Set([...placeholdersOf(template.text.en), ...placeholdersOf(template.text.zh), ...(template.requires ?? [])])];
}
