import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_OPTIONS, SharedCommanderOption } from './cli-options.js';
import type { RunExecutionSummary } from '../runner/index.js';
import { runExitCode } from './commands/run-command.js';
import { EXIT_CODES } from './exit-codes.js';
import { buildProgram, runCli } from './main.js';
import { createAnalysisStore } from './test-support/analysis-store.js';
import { captureIo } from './test-support/capture-io.js';

/** Every command of the tree with its path, e.g. `run list`. */
function allCommands(command: Command, path: string[] = []): { path: string; command: Command }[] {
  return command.commands.flatMap((sub) => [
    { path: [...path, sub.name()].join(' '), command: sub },
    ...allCommands(sub, [...path, sub.name()]),
  ]);
}

const program = buildProgram(captureIo());
const commands = allCommands(program);
/** Flags that belong to the registry: a command may not declare its own. (mock-server's --rpm is the limit the mock enforces, not a client's.) */
const registryFlags = new Set(Object.values(SHARED_OPTIONS).map((option) => option.flags.split(' ')[0]!));

describe('shared options come from one registry', () => {
  it('every --db is the shared declaration and takes a postgres:// URL or a SQLite path', () => {
    const withDb = commands.filter(({ command }) => command.options.some((option) => option.long === '--db'));
    expect(withDb.length).toBeGreaterThanOrEqual(20);
    for (const { path, command } of withDb) {
      const option = command.options.find((candidate) => candidate.long === '--db')!;
      expect(option instanceof SharedCommanderOption && option.sharedName === 'db', path).toBe(true);
      expect(option.description, path).toMatch(/SQLite file or postgres:\/\/ URL/);
      for (const location of ['postgres://candor@db.example:5432/candor', 'stores/candor.db']) {
        const fresh = allCommands(buildProgram(captureIo())).find((entry) => entry.path === path)!.command;
        fresh.parseOptions(['--db', location]);
        expect(fresh.opts()['db'], path).toBe(location);
      }
    }
  });

  it('no command declares a registry flag by hand', () => {
    for (const { path, command } of commands) {
      for (const option of command.options) {
        if (option.hidden || !option.long || !registryFlags.has(option.long)) continue;
        if (path === 'mock-server' && option.long === '--rpm') continue;
        expect(option instanceof SharedCommanderOption, `${path} ${option.long}`).toBe(true);
      }
    }
  });

  it('one help text per shared option', () => {
    for (const { path, command } of commands) {
      for (const option of command.options) {
        if (
          !(option instanceof SharedCommanderOption) ||
          ['set', 'setName', 'judgedBy', 'sets'].includes(option.sharedName)
        )
          continue;
        expect(option.description, `${path} ${option.long}`).toBe(SHARED_OPTIONS[option.sharedName].description);
      }
    }
  });
});

describe('candor --help', () => {
  it('prints every exit code with its name', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(EXIT_CODES.ok);
    for (const [name, code] of Object.entries(EXIT_CODES))
      expect(io.out()).toMatch(new RegExp(`^\\s+${code}\\s+${name}\\s`, 'm'));
  });

  it('lists the grouped commands, not their old names', async () => {
    const top = captureIo();
    await runCli(['--help'], top);
    expect(top.out()).not.toMatch(/^\s+(runs|retry|judge-rates)\b/m);
    const run = captureIo();
    await runCli(['run', '--help'], run);
    expect(run.out()).toMatch(/^\s+list\b/m);
    expect(run.out()).toMatch(/^\s+retry \[options\] <run-id>/m);
    const judge = captureIo();
    await runCli(['judge', '--help'], judge);
    expect(judge.out()).toMatch(/^\s+rates\b/m);
  });
});

describe('old names still work for one release', () => {
  let db = '';
  beforeAll(async () => {
    db = await createAnalysisStore();
  });

  it('`candor runs` is `candor run list`, hidden, with a note on stderr', async () => {
    const now = captureIo();
    expect(await runCli(['run', 'list', '--format', 'json', '--db', db], now), now.err()).toBe(0);
    expect(now.err()).toBe('');
    const old = captureIo();
    expect(await runCli(['runs', '--format', 'json', '--db', db], old), old.err()).toBe(0);
    expect(old.out()).toBe(now.out());
    expect(old.err()).toMatch(/`candor runs` is now `candor run list`/);
  });

  it('report --model/--set/--judge are hidden spellings of --models/--sets/--judged-by', async () => {
    const help = captureIo();
    await runCli(['report', '--help'], help);
    expect(help.out()).toMatch(/--models <ids>/);
    expect(help.out()).not.toMatch(/--model\b|--set\b|--judge\b/);
    const now = captureIo();
    expect(
      await runCli(['report', '--models', 'lab/b', '--sets', 'cn', '--format', 'json', '--db', db], now),
      now.err(),
    ).toBe(0);
    const old = captureIo();
    expect(
      await runCli(['report', '--model', 'lab/b', '--set', 'cn', '--format', 'json', '--db', db], old),
      old.err(),
    ).toBe(0);
    expect(old.out()).toBe(now.out());
    expect(JSON.parse(now.out())).toHaveLength(1);
    expect(old.err()).toMatch(/--model is now --models/);
    expect(old.err()).toMatch(/--set is now --sets/);
  });

  it('a list given to a one-value filter is a usage error', async () => {
    const io = captureIo();
    expect(await runCli(['export', '--models', 'lab/a,lab/b', '--db', db], io)).toBe(EXIT_CODES.usage);
    expect(io.err()).toMatch(/--models takes one value here/);
  });
});

describe('exit codes of a run', () => {
  it('a store error is an error (1), a guard stop is refused (3), Ctrl-C is interrupted (130)', () => {
    const summary = (state: string, stopReason: string | null) =>
      ({ state, stopReason }) as unknown as RunExecutionSummary;
    expect(runExitCode(summary('finished', null))).toBe(EXIT_CODES.ok);
    expect(runExitCode(summary('stopped', 'store_error'))).toBe(EXIT_CODES.error);
    expect(runExitCode(summary('stopped', 'truncation'))).toBe(EXIT_CODES.refused);
    expect(runExitCode(summary('stopped', 'interrupted'))).toBe(EXIT_CODES.interrupted);
  });
});
