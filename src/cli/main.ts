import { printable } from './printable.js';
import { Command, CommanderError } from 'commander';
import { CandorError, UsageError } from '../core/index.js';
import { deprecationNotes, installAliases } from './cli-options.js';
import { registerInGroup } from './command-groups.js';
import { EXIT_CODES, exitCodeHelp } from './exit-codes.js';
import { processIo, type CliIo } from './cli-io.js';
import { registerDbCommand } from './commands/db-command.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerDoctorCommand } from './commands/doctor-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerImportCommand } from './commands/import-command.js';
import { registerJudgeCommand } from './commands/judge-command.js';
import { registerMockServerCommand } from './commands/mock-server-command.js';
import { registerModelsCommand } from './commands/models-command.js';
import { registerReportCommand } from './commands/report-command.js';
import { registerCompareCommand } from './commands/compare-command.js';
import { registerSwapCommand } from './commands/swap-command.js';
import { registerPhrasingCommand } from './commands/phrasing-command.js';
import { registerContentionCommand } from './commands/contention-command.js';
import { registerJudgeRatesCommand } from './commands/judge-rates-command.js';
import { registerTimelineCommand } from './commands/timeline-command.js';
import { registerLabIndexCommand } from './commands/lab-index-command.js';
import { registerRetryCommand } from './commands/retry-command.js';
import { registerRunCommand } from './commands/run-command.js';
import { registerRunsCommand } from './commands/runs-command.js';
import { registerSetsCommand } from './commands/sets-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerSiteCommand } from './commands/site-command.js';
import { registerWorkerCommand } from './commands/worker-command.js';
import { CANDOR_VERSION } from './candor-version.js';

/** The whole command tree (tests walk it: every shared option, every command). */
export function buildProgram(io: CliIo): Command {
  const program = new Command('candor')
    .description("Candor maps what language models will and won't say: collect answers, judge them, compare them.")
    .version(CANDOR_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // Options after a subcommand's name are that subcommand's (`candor run list --db x` is list's --db, not run's).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText(
      'after',
      `\nThe store is a SQLite file or a postgres:// URL: --db <path|url>, or $CANDOR_DB, or ./candor.db.\nStart with \`candor demo --from <speechmap-data folder>\`.\n\n${exitCodeHelp()}`,
    );
  registerDemoCommand(program, io);
  registerRunCommand(program, io);
  registerDoctorCommand(program, io);
  registerWorkerCommand(program, io);
  registerImportCommand(program, io);
  registerJudgeCommand(program, io);
  registerReportCommand(program, io);
  registerCompareCommand(program, io);
  registerSwapCommand(program, io);
  registerPhrasingCommand(program, io);
  registerContentionCommand(program, io);
  registerTimelineCommand(program, io);
  registerLabIndexCommand(program, io);
  registerSetsCommand(program, io);
  registerModelsCommand(program, io);
  registerExportCommand(program, io);
  registerServeCommand(program, io);
  registerSiteCommand(program, io);
  registerDbCommand(program, io);
  registerMockServerCommand(program, io);
  registerInGroup(program, io, { group: 'run', name: 'list', oldName: 'runs' }, registerRunsCommand);
  registerInGroup(program, io, { group: 'run', name: 'retry', oldName: 'retry' }, registerRetryCommand);
  registerInGroup(program, io, { group: 'judge', name: 'rates', oldName: 'judge-rates' }, registerJudgeRatesCommand);
  installAliases(program);
  // An old spelling still works; say once, before the command runs, what it is called now.
  program.hook('preAction', () => {
    for (const note of deprecationNotes) io.stderr.write(`${note}\n`);
    deprecationNotes.clear();
  });
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. Never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    io.exitCode = undefined;
    deprecationNotes.clear();
    await program.parseAsync([...argv], { from: 'user' });
    return io.exitCode ?? EXIT_CODES.ok;
  } catch (error) {
    if (io.signal?.aborted) {
      // Stopped by Ctrl-C or SIGTERM: every write is a transaction, so what was committed stays.
      io.stderr.write(
        `candor: stopped (${(io.signal.reason as Error | undefined)?.message ?? 'interrupted'}); work committed before the signal stays, the rest was not written\n`,
      );
      return EXIT_CODES.interrupted;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    // Messages may quote data (a malformed line, a name): control characters are shown, not obeyed.
    if (error instanceof UsageError) {
      io.stderr.write(`candor: ${printable(error.message)}\n`);
      return EXIT_CODES.usage;
    }
    if (error instanceof CandorError) {
      io.stderr.write(`candor: ${printable(error.message)}\n`);
      // The provider refused the first requests alike (see runner/watch-deterministic-refusals): a guard stop.
      return error.code === 'provider_refused' ? EXIT_CODES.refused : EXIT_CODES.error;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`candor: unexpected error (please report it):\n${printable(message)}\n`);
    return EXIT_CODES.internal;
  }
}
