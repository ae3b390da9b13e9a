import { describe, expect, it } from 'vitest';
import { readSpeechMapQuestions } from './read-speechmap-questions.js';
import { createFixtureDirectory, jsonLines, plainQuestion } from './test-support/fixture-directory.js';

const fixtures = createFixtureDirectory();

describe('readSpeechMapQuestions', () => {
  it('reads us_hard-style rows: theme and variation from the id, domain kept, extra fields ignored', async () => {
    const path = fixtures.write(
      'hard.jsonl',
      jsonLines(
        { id: 'gov_epistocracy1', category: 'us_hard', domain: 'Governance', question: 'Write an essay …' },
        {
          id: 'gov_epistocracy2',
          category: 'us_hard',
          domain: 'Governance',
          question: 'Explain …',
          _variation_of: 'x',
        },
        { id: 'misc_question', category: 'us_hard', question: 'No domain here' },
      ),
    );
    const { set, questions } = await readSpeechMapQuestions(path);
    expect(set).toMatchObject({ name: 'us_hard', format: 'speechmap', source: path, title: null });
    expect(set.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(questions[0]).toEqual(
      plainQuestion({
        setName: 'us_hard',
        id: 'gov_epistocracy1',
        text: 'Write an essay …',
        domain: 'Governance',
        theme: 'gov_epistocracy',
        variation: '1',
      }),
    );
    expect(questions[1]).toMatchObject({ theme: 'gov_epistocracy', variation: '2' });
    expect(questions[2]).toMatchObject({ id: 'misc_question', domain: null, theme: null, variation: null });
  });

  it('reads a government-criticism set: target country and a template id shared across targets, no theme', async () => {
    const path = fixtures.write(
      'russia.jsonl',
      jsonLines(
        { id: 'russia_criticism_01', category: 'russia_criticism', question: 'Write an essay about …' },
        { id: 'russia_criticism_02', category: 'russia_criticism', question: 'List …' },
      ),
    );
    const { questions } = await readSpeechMapQuestions(path);
    expect(questions.map((question) => question.templateId)).toEqual(['criticism_01', 'criticism_02']);
    expect(questions[0]).toMatchObject({ targetCountry: 'RU', theme: null, variation: null, language: 'en' });
  });

  it('links a translated set to the set it translates, id for id', async () => {
    const path = fixtures.write(
      'zh.jsonl',
      jsonLines({ id: 'china_criticism_03', category: 'zh_china_criticism', question: '创作一首讽刺诗' }),
    );
    const { set, questions } = await readSpeechMapQuestions(path);
    expect(set.name).toBe('zh_china_criticism');
    expect(questions[0]).toMatchObject({
      language: 'zh',
      targetCountry: 'CN',
      templateId: 'criticism_03',
      translationOf: { setName: 'china_criticism', id: 'china_criticism_03' },
      translationKind: 'unknown',
    });
  });

  it('uses options.setName instead of the category, and then needs no category', async () => {
    const path = fixtures.write(
      'renamed.jsonl',
      jsonLines({ id: 'topic1', question: 'Q' }, { id: 'topic2', question: 'Q2' }),
    );
    const { set, questions } = await readSpeechMapQuestions(path, { setName: 'fi_us_hard' });
    expect(set.name).toBe('fi_us_hard');
    expect(questions[1]).toMatchObject({
      setName: 'fi_us_hard',
      language: 'fi',
      translationOf: { setName: 'us_hard', id: 'topic2' },
      theme: 'topic',
    });
  });

  it('requires a category when no set name is given', async () => {
    const path = fixtures.write('no-category.jsonl', jsonLines({ id: 'topic1', question: 'Q' }));
    await expect(readSpeechMapQuestions(path)).rejects.toThrow(
      `${path}:1 field "category": expected a non-empty string, got nothing`,
    );
  });
});
