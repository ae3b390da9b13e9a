/**
 * Every exit code `candor` uses, in one table; `candor --help` prints it. Commands set `io.exitCode`
 * from here, never a bare number.
 */
export const EXIT_CODES = {
  ok: 0,
  error: 1,
  usage: 2,
  refused: 3,
  internal: 70,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

const MEANINGS: Record<keyof typeof EXIT_CODES, string> = {
  ok: 'done',
  error: 'a Candor error: bad input, not found, an outdated store, a store that failed (also mid-run)',
  usage: 'the command line is wrong (unknown option or value, malformed spec)',
  refused:
    'stopped on purpose: a guard (truncation, budget, unknown payload), a halted run, items that failed, or the provider refused alike',
  internal: 'a bug in Candor (please report it)',
  interrupted: 'stopped by Ctrl-C (SIGINT); committed work stays',
  terminated: 'stopped by SIGTERM; committed work stays',
};

/** The exit-code table as `candor --help` shows it. */
export function exitCodeHelp(): string {
  const rows = Object.entries(EXIT_CODES).map(
    ([name, code]) => `  ${String(code).padStart(3)}  ${name.padEnd(11)} ${MEANINGS[name as keyof typeof EXIT_CODES]}`,
  );
  return `Exit codes:\n${rows.join('\n')}`;
}
