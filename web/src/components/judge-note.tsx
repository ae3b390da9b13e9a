import type { JudgeShare, MeasuredAccuracy } from '../../../src/server/api-types/shared.js';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** "accuracy 91.2% (88.0–93.6%, n 400, gold.jsonl)": a judge's measured accuracy with its lens, n and interval. */
export function measuredText(measured: MeasuredAccuracy): string {
  if (measured.accuracy === null) return `not measurable (n ${measured.n})`;
  const interval = measured.interval ? ` (95% ${pct(measured.interval.low)}–${pct(measured.interval.high)}` : ' (';
  const coverage = measured.coverage < 1 ? `, decides ${pct(measured.coverage)} of rows` : '';
  return `accuracy ${pct(measured.accuracy)}${interval}, n ${measured.n} on ${measured.goldName}${coverage}, version ${measured.judgeVersion})`;
}

/** Which judge labelled the rows behind the numbers on the page: a rate is only as good as its judge. */
export function JudgeNote({ judges, who }: { judges: readonly JudgeShare[]; who?: string }) {
  if (judges.length === 0) return <p class="judge-note">{who ? `${who}: ` : ''}No judged rows.</p>;
  const total = judges.reduce((sum, judge) => sum + judge.rows, 0);
  return (
    <p class="judge-note">
      {who ? `${who}: labels` : 'Labels'} by{' '}
      {judges.map((judge, index) => (
        <span key={judge.judge}>
          {index > 0 ? ', ' : ''}
          <code>{judge.judge}</code> ({judge.rows === total ? 'all' : `${judge.rows} of ${total}`} rows
          {judge.measured
            ? `; ${measuredText(judge.measured)}`
            : judge.measured === null
              ? '; accuracy not measured: run `candor judge eval`'
              : ''}
          )
        </span>
      ))}
      .{judges.every((judge) => judge.measured === undefined) ? ' Judge accuracy: see the Judges page.' : ''}
    </p>
  );
}
