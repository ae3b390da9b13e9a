import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

/** A progress display: a bar on a terminal, a plain line every few seconds otherwise. */
export interface Progress {
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

/** Progress on stderr, so stdout stays clean for data (JSON, CSV). */
export function createProgress(
  io: CliIo,
  label: string,
  options: { quiet?: boolean; intervalMs?: number } = {},
): Progress {
  if (options.quiet) return { update() {}, stop() {} };
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted} {detail}`,
        stream: io.stderr as NodeJS.WritableStream,
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) {
          bar.start(total, done, { detail });
          started = true;
        }
        bar.setTotal(total);
        bar.update(done, { detail });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  const intervalMs = options.intervalMs ?? 2000;
  let lastPrinted = 0;
  let lastLine = '';
  return {
    update(done, total, detail = '') {
      const now = Date.now();
      lastLine = `${label}: ${done}/${total}${total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : ''}${detail ? ` ${detail}` : ''}`;
      if (now - lastPrinted >= intervalMs || done === total) {
        io.stderr.write(`${lastLine}\n`);
        lastPrinted = now;
        lastLine = '';
      }
    },
    stop() {
      if (lastLine) io.stderr.write(`${lastLine}\n`);
    },
  };
}
