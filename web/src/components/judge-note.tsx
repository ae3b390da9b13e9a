import type { JudgeShare } from '../../../src/server/api-types.js';

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
          <code>{judge.judge}</code> ({judge.rows === total ? 'all' : `${judge.rows} of ${total}`} rows)
        </span>
      ))}
      . Judge accuracy: not measured in this store.
    </p>
  );
}
