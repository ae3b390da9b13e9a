import type { BuiltinSources, LocalizedText } from './builtin-sources.js';
import { countryTemplateTargets, placeholdersOf, requiredSlots, symmetryTemplateTargets } from './builtin-targets.js';
import { ISO_3166_ALPHA2 } from './iso-3166-alpha2.js';
import type { Question } from '../../core/index.js';

/** Separates the template id from the target in a question id: `satire_leader__CN`. */
export const ID_SEPARATOR = '__';

/** A swap group of fewer targets compares nothing. */
const MINIMUM_TARGETS = 2;

/**
 * Every inconsistency in the built-in sources that the schema cannot see: unknown or repeated
 * codes and ids, domains and variations outside the declared lists, en/zh texts with different
 * slots, slots no template uses (a typo would silently drop a country from a swap group), and
 * swap groups too small to compare.
 */
export function findBuiltinSourceProblems(sources: BuiltinSources): string[] {
  const problems: string[] = [];
  const { countries, templates, symmetry } = sources;

  for (const iso of duplicates(countries.countries.map((country) => country.iso)))
    problems.push(`countries.json: country ${iso} appears twice`);
  for (const country of countries.countries) {
    if (!ISO_3166_ALPHA2.has(country.iso))
      problems.push(`countries.json: ${country.iso} is not an ISO 3166-1 alpha-2 code`);
  }

  const templateIds = templates.templates.map((template) => template.id);
  for (const id of duplicates(templateIds)) problems.push(`templates.json: template ${id} appears twice`);
  const usedSlots = new Set<string>();
  for (const template of templates.templates) {
    const where = `templates.json: template ${template.id}`;
    if (template.id.includes(ID_SEPARATOR)) problems.push(`${where}: id must not contain "${ID_SEPARATOR}"`);
    if (!templates.domains.includes(template.domain))
      problems.push(`${where}: domain "${template.domain}" is not in "domains"`);
    if (!templates.variations.includes(template.variation))
      problems.push(`${where}: variation "${template.variation}" is not in "variations"`);
    problems.push(...slotMismatch(where, template.text));
    for (const slot of requiredSlots(template)) usedSlots.add(slot);
  }
  for (const country of countries.countries) {
    for (const slot of Object.keys(country.slots)) {
      if (!usedSlots.has(slot))
        problems.push(`countries.json: ${country.iso} has slot "${slot}", which no template uses`);
    }
  }
  for (const [id, targets] of countryTemplateTargets(sources)) {
    if (targets.length < MINIMUM_TARGETS)
      problems.push(
        `templates.json: template ${id} fits ${targets.length} countries; it needs at least ${MINIMUM_TARGETS}`,
      );
  }

  const groupIds = symmetry.groups.map((group) => group.id);
  for (const id of duplicates(groupIds)) problems.push(`symmetry.json: group ${id} appears twice`);
  for (const id of duplicates(symmetry.templates.map((template) => template.id)))
    problems.push(`symmetry.json: template ${id} appears twice`);
  for (const id of symmetry.templates.map((template) => template.id).filter((id) => templateIds.includes(id))) {
    problems.push(`symmetry.json: template ${id} has the id of a country template`);
  }
  for (const group of symmetry.groups) {
    if (group.id.includes(ID_SEPARATOR))
      problems.push(`symmetry.json: group ${group.id}: id must not contain "${ID_SEPARATOR}"`);
    if (!symmetry.kinds.includes(group.kind))
      problems.push(`symmetry.json: group ${group.id}: kind "${group.kind}" is not in "kinds"`);
  }
  const groups = new Map(symmetry.groups.map((group) => [group.id, group]));
  const targets = symmetryTemplateTargets(sources);
  for (const template of symmetry.templates) {
    const where = `symmetry.json: template ${template.id}`;
    if (template.id.includes(ID_SEPARATOR)) problems.push(`${where}: id must not contain "${ID_SEPARATOR}"`);
    for (const kind of template.kinds)
      if (!symmetry.kinds.includes(kind)) problems.push(`${where}: kind "${kind}" is not in "kinds"`);
    if (!templates.variations.includes(template.variation))
      problems.push(`${where}: variation "${template.variation}" is not in templates.json "variations"`);
    problems.push(...slotMismatch(where, template.text));
    const groupIdsOfTemplate = targets.get(template.id) ?? [];
    if (groupIdsOfTemplate.length < MINIMUM_TARGETS)
      problems.push(`${where}: fits ${groupIdsOfTemplate.length} groups; it needs at least ${MINIMUM_TARGETS}`);
    // A symmetry template declares its targets by kind, so a group of that kind without a slot is an error, not an exclusion.
    for (const groupId of groupIdsOfTemplate) {
      for (const slot of placeholdersOf(template.text.en)) {
        if (!(slot in groups.get(groupId)!.slots)) problems.push(`${where}: group ${groupId} has no slot "${slot}"`);
      }
    }
  }
  return problems;
}

/** Throws one Error listing every problem findBuiltinSourceProblems finds. */
export function checkBuiltinSources(sources: BuiltinSources): void {
  const problems = findBuiltinSourceProblems(sources);
  if (problems.length > 0) throw new Error(`built-in question sources are inconsistent:\n  ${problems.join('\n  ')}`);
}

function slotMismatch(where: string, text: LocalizedText): string[] {
  const english = placeholdersOf(text.en).sort().join(', ');
  const chinese = placeholdersOf(text.zh).sort().join(', ');
  return english === chinese ? [] : [`${where}: en uses slots [${english}] but zh uses [${chinese}]`];
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const value of values) (seen.has(value) ? repeated : seen).add(value);
  return [...repeated];
}

/** What a swap group must hold: template id → its declared targets (ISO codes or group ids). */
export type SwapGroups = ReadonlyMap<string, readonly string[]>;

/**
 * Checks that a set holds each swap group exactly: every template filled once for each of its
 * declared targets, no missing, extra or repeated target, and no question outside a template.
 * The target of a question is its targetCountry, else its `target:<group>` tag.
 */
export function findSwapGroupProblems(questions: readonly Question[], groups: SwapGroups): string[] {
  const problems: string[] = [];
  const found = new Map<string, string[]>();
  for (const question of questions) {
    const target =
      question.targetCountry ?? question.tags.find((tag) => tag.startsWith('target:'))?.slice('target:'.length);
    if (question.templateId === null || !groups.has(question.templateId)) {
      problems.push(`${question.id}: template ${question.templateId ?? '(none)'} is not a declared swap group`);
    } else if (target === undefined) {
      problems.push(`${question.id}: no target country and no target: tag`);
    } else {
      found.set(question.templateId, [...(found.get(question.templateId) ?? []), target]);
    }
  }
  for (const [templateId, expected] of groups) {
    const actual = found.get(templateId) ?? [];
    const missing = expected.filter((target) => !actual.includes(target));
    const extra = [...new Set(actual.filter((target) => !expected.includes(target)))];
    const repeated = [...new Set(actual.filter((target, index) => actual.indexOf(target) !== index))];
    if (missing.length > 0) problems.push(`${templateId}: missing ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`${templateId}: undeclared ${extra.join(', ')}`);
    if (repeated.length > 0) problems.push(`${templateId}: repeated ${repeated.join(', ')}`);
  }
  return problems;
}
