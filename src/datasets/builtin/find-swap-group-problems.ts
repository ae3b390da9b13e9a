import type { Question } from '../../core/index.js';

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
    const target = question.targetCountry ?? question.tags.find((tag) => tag.startsWith('target:'))?.slice('target:'.length);
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
