import { EXIT_CODES } from './exit-codes.js';
import { runCli } from './main.js';

/** Exit codes of a command stopped by a signal, as shells report them (128 + signal number). */
const SIGNAL_EXIT = { SIGINT: EXIT_CODES.interrupted, SIGTERM: EXIT_CODES.terminated } as const;

/** After a first signal, a command that has not stopped within this long is ended (committed work stays: every write is a transaction). */
const STOP_GRACE_MS = 30_000;

/**
 * The `candor` process: wires the real terminal, and SIGINT (Ctrl-C) and SIGTERM to one drain
 * signal: every long command stops taking new work, finishes or rolls back what is in flight and
 * exits 130 (SIGINT) or 143 (SIGTERM). A second signal, or STOP_GRACE_MS without stopping, quits at once.
 */
export async function runProcess(): Promise<void> {
  const controller = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_EXIT | null = null;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT) => {
    if (stoppedBy) process.exit(SIGNAL_EXIT[signal]);
    stoppedBy = signal;
    const how = signal === 'SIGINT' ? 'interrupted' : 'terminated';
    process.stderr.write(
      `\ncandor: ${how}; finishing what is in flight (${signal === 'SIGINT' ? 'Ctrl-C' : 'the signal'} again to quit at once)\n`,
    );
    controller.abort(new Error(how));
    setTimeout(() => {
      process.stderr.write(
        `candor: still busy ${STOP_GRACE_MS / 1000} s after ${signal}; quitting (committed work stays)\n`,
      );
      process.exit(SIGNAL_EXIT[signal]);
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  // `candor export | head`: the reader went away; stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT_CODES.ok);
      throw error;
    });
  }
  const code = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
  // A command that stopped early on the signal says 130; under SIGTERM that is 143.
  process.exitCode = stoppedBy && code === SIGNAL_EXIT.SIGINT ? SIGNAL_EXIT[stoppedBy] : code;
}

await runProcess();
