import { runCli } from './main.js';

/**
 * The `candor` process: wires the real terminal, and Ctrl-C to a drain signal (a second Ctrl-C
 * quits at once), then exits with the command's code.
 */
export async function runProcess(): Promise<void> {
  const controller = new AbortController();
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\ncandor: interrupted; finishing what is in flight (Ctrl-C again to quit at once)\n');
    controller.abort(new Error('interrupted'));
  });
  process.on('SIGTERM', () => controller.abort(new Error('terminated')));
  // `candor export | head`: the reader went away; stop quietly, as Unix tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  });
}

await runProcess();
