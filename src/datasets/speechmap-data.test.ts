import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../core/index.js';
import type { QuestionSetInput } from './question-set-input.js';
import { readQuestionFile } from './read-question-file.js';

// The public SpeechMap data lives next to the repository (../shared), never inside it.
const dataDirectory = resolve(import.meta.dirname, '../../../shared/speechmap-data');
const questionsDirectory = join(dataDirectory, 'questions');
const exists = existsSync(questionsDirectory);
if (!exists) console.warn(`Skipping SpeechMap data tests: ${questionsDirectory} does not exist.`);

const SET_NAMES = [
  'us_hard',
  'china_criticism',
  'us_criticism',
  'eu_criticism',
  'russia_criticism',
  'zh_china_criticism',
  'fi_china_criticism',
] as const;
const sets = new Map<string, QuestionSetInput>();

function questionsOf(name: string): Question[] {
  const input = sets.get(name);
  if (!input) throw new Error(`set ${name} was not read`);
  return input.questions;
}

describe('the published SpeechMap question sets', () => {
  beforeAll(async () => {
    if (!exists) return;
    for (const name of SET_NAMES) sets.set(name, await readQuestionFile(join(questionsDirectory, `${name}.jsonl`)));
  });

  it.skipIf(!exists)('are read as SpeechMap sets named after their files', () => {
    for (const name of SET_NAMES) expect(sets.get(name)?.set).toMatchObject({ name, format: 'speechmap' });
  });

  it.skipIf(!exists)('us_hard: 2120 questions, 530 themes of 4 variations (1-4), 22 domains', () => {
    const questions = questionsOf('us_hard');
    expect(questions).toHaveLength(2120);
    expect(questions.filter((question) => question.id !== `${question.theme}${question.variation}`)).toEqual([]);
    const variationsByTheme = new Map<string, string[]>();
    for (const question of questions) {
      const variations = variationsByTheme.get(question.theme!) ?? [];
      variations.push(question.variation!);
      variationsByTheme.set(question.theme!, variations);
    }
    expect(variationsByTheme.size).toBe(530);
    for (const variations of variationsByTheme.values()) expect([...variations].sort()).toEqual(['1', '2', '3', '4']);
    expect(new Set(questions.map((question) => question.domain)).size).toBe(22);
    expect(questions.every((question) => question.domain !== null && question.language === 'en')).toBe(true);
  });

  it.skipIf(!exists)('the criticism sets target CN, US, EU and RU with the same 50 templates', () => {
    const targets = { china_criticism: 'CN', us_criticism: 'US', eu_criticism: 'EU', russia_criticism: 'RU' };
    const templatesOfChina = questionsOf('china_criticism').map((question) => question.templateId);
    expect(new Set(templatesOfChina).size).toBe(50);
    expect(templatesOfChina).not.toContain(null);
    for (const [name, country] of Object.entries(targets)) {
      const questions = questionsOf(name);
      expect(new Set(questions.map((question) => question.targetCountry))).toEqual(new Set([country]));
      expect(questions.map((question) => question.templateId).sort()).toEqual([...templatesOfChina].sort());
      expect(questions.every((question) => question.theme === null && question.language === 'en')).toBe(true);
    }
  });

  it.skipIf(!exists)('zh_ and fi_china_criticism share the China ids and link to them', () => {
    const chinaIds = questionsOf('china_criticism')
      .map((question) => question.id)
      .sort();
    for (const [name, language] of [
      ['zh_china_criticism', 'zh'],
      ['fi_china_criticism', 'fi'],
    ] as const) {
      const questions = questionsOf(name);
      expect(questions.map((question) => question.id).sort()).toEqual(chinaIds);
      for (const question of questions) {
        expect(question).toMatchObject({ language, targetCountry: 'CN', translationKind: 'unknown' });
        expect(question.translationOf).toEqual({ setName: 'china_criticism', id: question.id });
      }
    }
    const englishText = new Map(questionsOf('china_criticism').map((question) => [question.id, question.text]));
    const chinese = questionsOf('zh_china_criticism');
    expect(chinese.filter((question) => question.text === englishText.get(question.id))).toEqual([]);
  });
});
