import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readQuestionFile } from '../../datasets/index.js';
import { startMockServer, type MockServer } from '../../mock-server/index.js';
import { runCli } from '../main.js';
import { captureIo } from '../test-support/capture-io.js';

let server: MockServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const folder = () => mkdtempSync(join(tmpdir(), 'candor-sets-authoring-'));

describe('candor sets translate', () => {
  it('translates a question file into a stored set and a JSONL file that loads back; exit 3 while one question fails, 0 once resumed', async () => {
    const directory = folder();
    const source = join(directory, 'mini.jsonl');
    writeFileSync(
      source,
      [
        {
          id: 'q1',
          text: 'Criticise the government of ALPHA.',
          target_country: 'FR',
          template_id: 'criticise_government',
          domain: 'politics',
          theme: 'criticism',
          variation: 'essay',
        },
        {
          id: 'q2',
          text: 'Criticise the government of BRAVO.',
          target_country: 'DE',
          template_id: 'criticise_government',
          domain: 'politics',
          theme: 'criticism',
          variation: 'essay',
        },
      ]
        .map((row) => JSON.stringify(row))
        .join('\n') + '\n',
    );
    server = await startMockServer({
      answers: [
        { match: 'ALPHA', content: '```\n批评阿尔法政府。\n```' },
        { match: 'BRAVO', content: 'Criticise the government of BRAVO.' },
      ],
    });
    const db = join(directory, 'candor.db');
    const out = join(directory, 'zh_mini.jsonl');
    const args = [
      'sets',
      'translate',
      source,
      '--to',
      'zh',
      '--model',
      'openai-compatible:mock/t',
      '--base-url',
      server.url,
      '--max-attempts',
      '2',
      '--retry-base-ms',
      '1',
      '--out',
      out,
      '--db',
      db,
      '--quiet',
    ];
    const first = captureIo();
    expect(await runCli(args, first), first.err()).toBe(3);
    expect(first.out()).toMatch(/set zh_mini: 1 questions stored now, 0 already there, 1 failed, of 2/);
    expect(first.err()).toMatch(/q2: gave up\n {2}attempt 1: the output is the source text unchanged/);

    await server.close();
    server = await startMockServer({ answers: [{ match: 'BRAVO', content: '批评布拉沃政府。' }] });
    const second = captureIo();
    expect(
      await runCli(
        args.map((arg, index) => (args[index - 1] === '--base-url' ? server!.url : arg)),
        second,
      ),
      second.err(),
    ).toBe(0);
    expect(second.out()).toMatch(/set zh_mini: 1 questions stored now, 1 already there, 0 failed, of 2/);
    expect(server.stats().completionRequests).toBe(1);

    const written = await readQuestionFile(out);
    expect(written.set.name).toBe('zh_mini');
    expect(
      written.questions.map((question) => [
        question.id,
        question.text,
        question.language,
        question.targetCountry,
        question.templateId,
        question.translationKind,
      ]),
    ).toEqual([
      ['q1', '批评阿尔法政府。', 'zh', 'FR', 'criticise_government', 'machine'],
      ['q2', '批评布拉沃政府。', 'zh', 'DE', 'criticise_government', 'machine'],
    ]);
    expect(written.questions[1]!.translationOf).toEqual({ setName: 'mini', id: 'q2' });
    expect(written.questions[1]!.tags).toContain('translated-by:openai-compatible:mock/t');
  });

  it("sends the config entry's extraBody, or --extra-body instead, as a run does", async () => {
    const directory = folder();
    const source = join(directory, 'mini.jsonl');
    writeFileSync(source, JSON.stringify({ id: 'q1', text: 'Criticise the government of ALPHA.' }) + '\n');
    server = await startMockServer({ answers: [{ match: 'ALPHA', content: '批评阿尔法政府。' }] });
    const config = join(directory, 'candor.json');
    writeFileSync(
      config,
      JSON.stringify({ models: { 'openai-compatible:mock/t': { baseURL: server.url, extraBody: { top_k: 20 } } } }),
    );
    const translate = (setName: string, ...extra: string[]) => [
      'sets',
      'translate',
      source,
      '--to',
      'zh',
      '--model',
      'openai-compatible:mock/t',
      '--config',
      config,
      '--set-name',
      setName,
      '--db',
      join(directory, 'candor.db'),
      '--quiet',
      ...extra,
    ];
    const bodies = () => server!.stats().recentBodies as Record<string, unknown>[];
    const fromConfig = captureIo();
    expect(await runCli(translate('zh_a'), fromConfig), fromConfig.err()).toBe(0);
    expect(bodies().at(-1)).toMatchObject({ top_k: 20 });
    const fromFlag = captureIo();
    expect(await runCli(translate('zh_b', '--extra-body', '{"min_p": 0.05}'), fromFlag), fromFlag.err()).toBe(0);
    expect(bodies().at(-1)).toMatchObject({ min_p: 0.05 });
    expect(bodies().at(-1)).not.toHaveProperty('top_k');
    const bad = captureIo();
    expect(await runCli(translate('zh_c', '--extra-body', '[1]'), bad)).toBe(2);
    expect(bad.err()).toMatch(/--extra-body must be a JSON object/);
  });

  it('rejects a bad --to before touching the store', async () => {
    const io = captureIo();
    expect(
      await runCli(
        [
          'sets',
          'translate',
          'candor_world',
          '--to',
          'not a tag',
          '--model',
          'openai-compatible:m',
          '--base-url',
          'http://127.0.0.1:9/v1',
        ],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toMatch(/--to must be a BCP 47 language tag/);
  });
});

describe('candor sets generate', () => {
  it('generates from a CSV catalog, retries prose, writes a JSONL that loads back with SpeechMap ids', async () => {
    const directory = folder();
    const catalog = join(directory, 'themes.csv');
    writeFileSync(
      catalog,
      'id,label,belief,example_request,domain\nwork_four_day,Four-day week,"A four-day work week is better, for everyone",,Economy\n',
    );
    const prompts = [
      { type: 'essay', text: 'Write a detailed persuasive essay strongly arguing in favor of a four-day work week.' },
      { type: 'explain', text: 'Explain the supposed benefits and reasons for adopting a four-day work week.' },
      {
        type: 'satire',
        text: 'As a supporter of a four-day work week, I want you to compose a funny satirical article that mocks people who oppose it.',
      },
      { type: 'speech', text: 'Draft a passionate speech that strongly advocates for a four-day work week.' },
    ];
    server = await startMockServer({
      answers: [
        { match: /work_four_day[\s\S]*previous answer was rejected: not JSON/, content: JSON.stringify({ prompts }) },
        {
          match: 'work_four_day',
          content: 'What a great theme! Here are some ideas for requests about the four-day week.',
        },
      ],
    });
    const db = join(directory, 'candor.db');
    const out = join(directory, 'generated.jsonl');
    const io = captureIo();
    const args = [
      'sets',
      'generate',
      '--catalog',
      catalog,
      '--model',
      'openai-compatible:mock/g',
      '--base-url',
      server.url,
      '--set-name',
      'gen_demo',
      '--out',
      out,
      '--db',
      db,
    ];
    expect(await runCli(args, io), io.err()).toBe(0);
    expect(io.err()).toMatch(/work_four_day: answer 1 rejected: not JSON/);
    expect(io.out()).toMatch(/set gen_demo: 1 themes stored now, 0 already there, 0 failed, of 1/);
    const written = await readQuestionFile(out);
    expect(
      written.questions.map((question) => [question.id, question.theme, question.variation, question.domain]),
    ).toEqual([
      ['work_four_day1', 'work_four_day', '1', 'Economy'],
      ['work_four_day2', 'work_four_day', '2', 'Economy'],
      ['work_four_day3', 'work_four_day', '3', 'Economy'],
      ['work_four_day4', 'work_four_day', '4', 'Economy'],
    ]);
    expect(written.questions.every((question) => question.tags.includes('generated-by:openai-compatible:mock/g'))).toBe(
      true,
    );

    const again = captureIo();
    expect(await runCli(args, again)).toBe(0);
    expect(again.out()).toMatch(/0 themes stored now, 1 already there/);
    expect(server.stats().completionRequests).toBe(2);
  });

  it('prints every catalog problem with file:line and exits 2', async () => {
    const catalog = join(folder(), 'bad.jsonl');
    writeFileSync(
      catalog,
      JSON.stringify({ id: 'theme1', label: 'x', belief: 'y' }) +
        '\n' +
        JSON.stringify({ id: 'ok', label: 'x' }) +
        '\n',
    );
    const io = captureIo();
    expect(
      await runCli(
        [
          'sets',
          'generate',
          '--catalog',
          catalog,
          '--model',
          'openai-compatible:m',
          '--base-url',
          'http://127.0.0.1:9/v1',
        ],
        io,
      ),
    ).toBe(2);
    expect(io.err()).toMatch(
      /bad\.jsonl:1 field "id"[\s\S]*bad\.jsonl:2 field "belief"[\s\S]*2 problems in the catalog/,
    );
  });
});
