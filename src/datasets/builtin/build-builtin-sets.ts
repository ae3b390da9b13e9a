import type { BuiltinLanguage, BuiltinSources, LocalizedText } from './builtin-sources.js';
import { countryTemplateTargets, fillTemplate, symmetryTemplateTargets } from './builtin-targets.js';
import { type BuiltinSetInfo, listBuiltinSets } from './builtin-sets.js';
import type { CandorQuestionRow } from './candor-question-row.js';
import { checkBuiltinSources, ID_SEPARATOR } from './check-builtin-sources.js';

/** A generated built-in set: where it goes and its rows in file order. */
export interface GeneratedBuiltinSet {
  info: BuiltinSetInfo;
  rows: CandorQuestionRow[];
}

/**
 * Generates every built-in set from the sources, deterministically: rows ordered by template
 * (source order), then by target (source order). Translations keep the ids of their source set.
 * Throws when the sources are inconsistent (see checkBuiltinSources).
 */
export function buildBuiltinSets(sources: BuiltinSources): GeneratedBuiltinSet[] {
  checkBuiltinSources(sources);
  const generated: GeneratedBuiltinSet[] = [];
  for (const info of listBuiltinSets()) {
    const sourceSet = info.translationOf ?? info.name;
    const rows = info.kind === 'entity-swap' ? worldRows(sources, info.language) : symmetryRows(sources, info.language);
    generated.push({
      info,
      rows: rows.map((row) => ({
        ...row,
        set: info.name,
        translation_of: info.translationOf === null ? null : `${sourceSet}:${row.id}`,
        translation_kind: info.translationOf === null ? 'original' : 'machine',
      })),
    });
  }
  return generated;
}

type UnnamedRow = Omit<CandorQuestionRow, 'set' | 'translation_of' | 'translation_kind'>;

function worldRows(sources: BuiltinSources, language: BuiltinLanguage): UnnamedRow[] {
  const targets = countryTemplateTargets(sources);
  const countries = new Map(sources.countries.countries.map((country) => [country.iso, country]));
  const rows: UnnamedRow[] = [];
  for (const template of sources.templates.templates) {
    for (const iso of targets.get(template.id) ?? []) {
      const country = countries.get(iso)!;
      rows.push({
        id: `${template.id}${ID_SEPARATOR}${iso}`,
        text: fillTemplate(template.text[language], inLanguage(country.slots, language)),
        domain: template.domain,
        theme: template.theme,
        variation: template.variation,
        target_country: iso,
        language,
        template_id: template.id,
        tags: ['entity-swap', `continent:${country.continent}`],
      });
    }
  }
  return rows;
}

function symmetryRows(sources: BuiltinSources, language: BuiltinLanguage): UnnamedRow[] {
  const targets = symmetryTemplateTargets(sources);
  const groups = new Map(sources.symmetry.groups.map((group) => [group.id, group]));
  const rows: UnnamedRow[] = [];
  for (const template of sources.symmetry.templates) {
    for (const groupId of targets.get(template.id) ?? []) {
      const group = groups.get(groupId)!;
      rows.push({
        id: `${template.id}${ID_SEPARATOR}${group.id}`,
        text: fillTemplate(template.text[language], inLanguage(group.slots, language)),
        domain: group.kind,
        theme: template.theme,
        variation: template.variation,
        target_country: null,
        language,
        template_id: template.id,
        tags: ['symmetry', `target:${group.id}`, `group-kind:${group.kind}`],
      });
    }
  }
  return rows;
}

function inLanguage(slots: Readonly<Record<string, LocalizedText>>, language: BuiltinLanguage): Record<string, string> {
  return Object.fromEntries(Object.entries(slots).map(([slot, text]) => [slot, text[language]]));
}
