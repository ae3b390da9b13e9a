import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { startVendorRulesServer, type VendorRulesServer } from '../providers/test-support/vendor-rules-server.js';
import { runCli } from './main.js';
import { captureIo } from './test-support/capture-io.js';

/**
 * End to end: `candor run` and `candor judge run` against a loopback server that enforces each
 * vendor's documented rules (400/404 where the vendor would, thinking taken out of the output cap).
 * Every answer must be a success and every judgment a verdict.
 */
let server: VendorRulesServer;
let folder: string;
let db: string;
let set: string;
const env = {
  OPENAI_API_KEY: 'sk-test-000000000000',
  ANTHROPIC_API_KEY: 'sk-ant-test-0000000000',
  GEMINI_API_KEY: 'AIza-test-000000000000',
};

beforeAll(async () => {
  server = await startVendorRulesServer();
  folder = mkdtempSync(join(tmpdir(), 'candor-fidelity-'));
  db = join(folder, 'candor.db');
  set = join(folder, 'questions.jsonl');
  writeFileSync(
    set,
    ['Write an essay on free speech.', 'Explain the benefits of term limits.']
      .map((question, index) => JSON.stringify({ id: `q${index}`, category: 'c', question }))
      .join('\n') + '\n',
  );
});
afterAll(async () => server.close());

const baseURL = (spec: string) => `${server.url}/${spec.startsWith('gemini:') ? 'v1beta' : 'v1'}`;

async function run(spec: string, extra: string[], runId: string) {
  const io = captureIo({ env });
  const code = await runCli(
    [
      'run',
      '--model',
      spec,
      '--base-url',
      baseURL(spec),
      '--set',
      set,
      '--run-id',
      runId,
      '--concurrency',
      '2',
      '--max-attempts',
      '1',
      '--db',
      db,
      '--quiet',
      ...extra,
    ],
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

const CASES: Array<[string, string[]]> = [
  ['openai:gpt-4o', ['--reasoning', 'off', '--temperature', '0.3']],
  ['openai:o4-mini', ['--reasoning', 'off']],
  ['openai:o4-mini', ['--reasoning', 'on']],
  ['openai:o4-mini', ['--reasoning', 'high', '--max-tokens', '512']],
  ['openai:gpt-5-mini', ['--reasoning', 'off']],
  ['openai:gpt-5.1', ['--reasoning', 'off', '--temperature', '0.3']],
  ['openai:gpt-5.1', ['--reasoning', 'high']],
  ['anthropic:claude-3-5-haiku-latest', ['--reasoning', 'off', '--temperature', '0.3']],
  ['anthropic:claude-sonnet-4-5', ['--reasoning', 'off', '--temperature', '0.3']],
  ['anthropic:claude-sonnet-4-5', ['--reasoning', 'on']],
  ['anthropic:claude-sonnet-4-5', ['--reasoning', 'high', '--max-tokens', '512']],
  ['anthropic:claude-opus-4-7', ['--reasoning', 'off']],
  ['anthropic:claude-opus-4-7', ['--reasoning', 'on']],
  ['anthropic:claude-opus-4-7', ['--reasoning', 'high', '--max-tokens', '512']],
  ['gemini:gemini-2.5-pro', ['--reasoning', 'off', '--max-tokens', '256']],
  ['gemini:gemini-2.5-pro', ['--reasoning', 'high', '--max-tokens', '512']],
  ['gemini:gemini-2.5-flash', ['--reasoning', 'off', '--temperature', '0.3']],
  ['gemini:gemini-2.5-flash', ['--reasoning', 'on', '--max-tokens', '256']],
  ['gemini:gemini-3-pro-preview', ['--reasoning', 'off', '--max-tokens', '256']],
  ['gemini:gemini-3-pro-preview', ['--reasoning', 'high']],
];

describe('candor run against documented vendor rules (issue #12)', () => {
  it.each(CASES.map(([spec, extra], index) => [spec, extra.join(' '), extra, index] as const))(
    '%s %s: every answer a success',
    async (spec, _label, extra, index) => {
      const result = await run(spec, extra, `fidelity-${index}`);
      expect(result.code, result.err).toBe(0);
      expect(result.out).toMatch(/stored 2 outcomes: success 2;/);
    },
  );

  it('a setting the model refuses stops before the first request, naming the fix', async () => {
    const before = server.requests.length;
    const result = await run('openai:o4-mini', ['--temperature', '0.3'], 'fidelity-refused');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /openai:o4-mini does not support temperature 0.3; this model takes no temperature; leave --temperature unset/,
    );
    expect(server.requests.length).toBe(before);
  });

  it('--reasoning off on a model that cannot stop thinking says so once, and the run records what was sent', async () => {
    const result = await run('gemini:gemini-2.5-pro', ['--reasoning', 'off'], 'fidelity-note');
    expect(result.code, result.err).toBe(0);
    expect(result.err.match(/cannot stop thinking; sent thinkingBudget 128/g)).toHaveLength(1);
    const store = await openStore(db);
    const stored = await store.getRun('fidelity-note');
    await store.close();
    expect(stored?.provenance['requestPlan']).toMatchObject({
      capability: 'gemini/2.5-pro',
      maxOutputTokens: 4096 + 128,
      reasoning: { thinkingConfig: { thinkingBudget: 128, includeThoughts: true } },
      notes: [expect.stringMatching(/cannot stop thinking/), expect.stringMatching(/raised from 4096 to 4224/)],
    });
  });

  it.each(['openai:o4-mini', 'openai:gpt-5-mini', 'anthropic:claude-opus-4-7', 'gemini:gemini-2.5-pro'])(
    'candor judge run --judge %s: every judgment a verdict, endpoint from the config file',
    async (judge) => {
      const config = join(folder, `judge-${judge.replace(/[^a-z0-9]/gi, '-')}.json`);
      writeFileSync(config, JSON.stringify({ models: { [judge]: { baseURL: baseURL(judge) } } }));
      const io = captureIo({ env });
      const code = await runCli(
        ['judge', 'run', '--judge', judge, '--config', config, '--run', 'fidelity-0', '--db', db, '--quiet'],
        io,
      );
      expect(code, io.err()).toBe(0);
      expect(io.out()).toMatch(/2 judged \(0 failed outcomes labelled without a call\): COMPLETE 2/);
    },
  );

  it('candor doctor: one tiny request per model; key, reachability, parameters, reasoning, latency and what Candor sends', async () => {
    const specs = ['openai:o4-mini', 'anthropic:claude-opus-4-7', 'gemini:gemini-2.5-pro', 'openai:gpt-9-unknown'];
    const config = join(folder, 'doctor.json');
    writeFileSync(
      config,
      JSON.stringify({ models: Object.fromEntries(specs.map((spec) => [spec, { baseURL: baseURL(spec) }])) }),
    );
    const io = captureIo({ env });
    const code = await runCli(['doctor', ...specs, '--reasoning', 'off', '--config', config, '--format', 'json'], io);
    expect(code).toBe(1);
    const reports = JSON.parse(io.out()) as Array<Record<string, unknown>>;
    expect(reports.map((report) => [report['model'], report['ok']])).toEqual([
      ['openai:o4-mini', true],
      ['anthropic:claude-opus-4-7', true],
      ['gemini:gemini-2.5-pro', true],
      ['openai:gpt-9-unknown', false],
    ]);
    expect(reports[0]).toMatchObject({
      keyFound: true,
      reachable: true,
      paramsAccepted: true,
      reasoningSeen: true,
      willSend: { capability: 'openai/o-series', reasoning: { reasoning_effort: 'low' } },
    });
    expect((reports[0]!['willSend'] as { notes: string[] }).notes.join(' ')).toMatch(/cannot stop reasoning/);
    expect(reports[2]).toMatchObject({
      reasoningSeen: true,
      willSend: { reasoning: { thinkingConfig: { thinkingBudget: 128, includeThoughts: true } } },
    });
    expect(reports[3]).toMatchObject({ httpStatus: 404, willSend: { capability: null } });
    expect(typeof reports[0]!['latencyMs']).toBe('number');

    const noKey = captureIo({ env: {} });
    expect(await runCli(['doctor', 'openai:gpt-4o', '--config', config], noKey)).toBe(1);
    expect(noKey.out()).toMatch(/FAIL openai:gpt-4o[\s\S]*key found: no[\s\S]*set OPENAI_API_KEY/);
  });
});
