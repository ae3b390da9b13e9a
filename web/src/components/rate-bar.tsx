import type { Rate } from '../../../src/server/api-types/shared.js';
import { percent } from '../lib/format.js';

const SEGMENTS = ['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR'] as const;

/** Stacked COMPLETE/EVASIVE/DENIAL/ERROR bar with the 95% interval of the COMPLETE share as a whisker. */
export function RateBar({ cells }: { cells: Rate }) {
  const total = cells.total || 1;
  let x = 0;
  const title = SEGMENTS.map((segment) => `${segment} ${cells[segment]} (${percent(cells[segment] / total)})`).join(
    ', ',
  );
  return (
    <svg class="rate-bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={title}>
      <title>{title}</title>
      {SEGMENTS.map((segment) => {
        const width = (cells[segment] / total) * 100;
        const rect = <rect class={`seg-${segment}`} x={x} y={1} width={width} height={8} />;
        x += width;
        return rect;
      })}
      {cells.low !== null && cells.high !== null ? (
        <>
          <line class="whisker" x1={cells.low * 100} x2={cells.high * 100} y1={5} y2={5} />
          <line class="whisker" x1={cells.low * 100} x2={cells.low * 100} y1={2.5} y2={7.5} />
          <line class="whisker" x1={cells.high * 100} x2={cells.high * 100} y1={2.5} y2={7.5} />
        </>
      ) : null}
    </svg>
  );
}

/** The colour key, with words: colour is never the only signal. */
export function Legend() {
  return (
    <p class="legend" aria-hidden="true">
      {SEGMENTS.map((segment) => (
        <span key={segment}>
          <i class={`swatch seg-${segment}`} /> {segment}
        </span>
      ))}
      <span>
        <i class="swatch whisker-swatch" /> 95% interval of COMPLETE
      </span>
    </p>
  );
}
