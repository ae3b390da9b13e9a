import cliProgress from 'cli-progress';
import type { EngineEvent } from '../runner/index.js';
import type { CliIo } from './cli-io.js';

function statusLine(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((left, right) => right[1] - left[1])
    .map(([status, count]) => `${status}:${count}`)
    .join(' ');
}

/**
 * Progress of a run: on a terminal a bar with rate, ETA, status counts and cost; otherwise one
 * plain line every `intervalMs`. Returns the event handler and a stop function.
 */
export function createRunProgress(io: CliIo, options: { quiet?: boolean; intervalMs?: number } = {}) {
  const counts: Record<string, number> = {};
  let cost = 0;
  let done = 0;
  let total = 0;
  let retries = 0;
  const started = Date.now();
  const tty = Boolean(io.stderr.isTTY) && !options.quiet;
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: 'run [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted} | {statuses} | ${cost}',
          stream: io.stderr as NodeJS.WritableStream,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let lastLine = 0;
  const intervalMs = options.intervalMs ?? 5000;

  const payload = () => ({
    rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1),
    statuses: statusLine(counts) || '-',
    cost: cost.toFixed(4),
  });

  const printLine = () => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = done / Math.max(0.001, elapsed);
    const eta = rate > 0 ? Math.round((total - done) / rate) : null;
    io.stderr.write(
      `run: ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%) ${rate.toFixed(1)}/s ETA ${eta ?? '?'}s ${statusLine(counts)} retries:${retries} cost $${cost.toFixed(4)}\n`,
    );
  };

  return {
    onEvent(event: EngineEvent) {
      if (options.quiet && event.type !== 'stopping') return;
      switch (event.type) {
        case 'start':
          total = event.pending;
          if (bar) bar.start(total, 0, payload());
          else
            io.stderr.write(
              `run ${event.runId}: ${event.pending} to ask (${event.alreadyDone} of ${event.total} already stored)\n`,
            );
          break;
        case 'outcome':
          done += 1;
          counts[event.status] = (counts[event.status] ?? 0) + 1;
          cost += event.costUsd ?? 0;
          if (bar) bar.update(done, payload());
          else if (Date.now() - lastLine >= intervalMs) {
            lastLine = Date.now();
            printLine();
          }
          break;
        case 'retry':
          retries += 1;
          break;
        case 'stopping':
          if (bar) bar.stop();
          io.stderr.write(`candor: stopping (${event.reason}): ${event.detail}\n`);
          break;
        case 'finish':
          if (bar) bar.stop();
          else if (!options.quiet) printLine();
          break;
      }
    },
    stop() {
      if (bar) bar.stop();
    },
  };
}
