/** Where the CLI reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves on Ctrl-C (SIGINT); long commands race their work against it. */
  signal?: AbortSignal;
  /** A command that succeeds with a non-zero status (e.g. a run stopped by a guard) sets this. */
  exitCode?: number;
}

/** The real terminal. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
