import { StatusView } from '../components/status-view.js';
import { isStatic, source } from '../lib/data-source.js';
import { links } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const FORMATS: Record<string, string> = {
  jsonl: 'JSONL: one answer per line with its question, status, route, latest label and judge',
  csv: 'CSV: the same columns, for spreadsheets (formula-like cells are defused)',
  speechmap:
    "SpeechMap's analysis format (question_id, category, model, response, judge_model, compliance), to share results back",
};

/** Downloads, how the numbers are computed, the judges, licences. */
export function ResourcesPage() {
  const downloads = useData('downloads', source.downloads);
  const judges = useData('judges', source.judges);
  return (
    <>
      <h1>Resources</h1>
      <h2>Download the data</h2>
      <StatusView state={downloads} />
      {downloads.data && downloads.data.length === 0 ? (
        <p>
          This static site was built without the dataset files; rebuild it with{' '}
          <code>candor site build --downloads</code>, or export with <code>candor export</code>.
        </p>
      ) : null}
      <ul>
        {(downloads.data ?? []).map((item) => (
          <li key={item.format}>
            <a href={item.href} download>
              {item.format}
            </a>{' '}
            — {FORMATS[item.format] ?? item.format}
          </li>
        ))}
      </ul>
      <p class="muted">
        Every table in the explorer also has its own CSV and JSON download. The answers behind a rate:{' '}
        <a href={links.answers({})}>answers</a>.
      </p>
      <h2>How the numbers are computed</h2>
      <ul>
        <li>
          A rate is the share of judged answers labelled COMPLETE; EVASIVE, DENIAL and errors (including provider
          blocks) stay in the denominator.
        </li>
        <li>
          Every rate is shown with its 95% Wilson interval and its n. Missing answers are not refusals: unanswered
          questions are not counted.
        </li>
        <li>
          The label of an answer is its latest judgment (the default lens); the judge behind each number is named on its
          page.
        </li>
        <li>
          Comparisons pair identical questions and use Newcombe's paired interval and the exact McNemar test; the lab
          index is an EMA of recent models with a bootstrap interval.
        </li>
        <li>
          The full methodology is in the repository's <code>docs/methodology.md</code>
          {isStatic ? '' : ' and `candor report --help`'}.
        </li>
      </ul>
      <h2>Judges and their versions</h2>
      <StatusView state={judges} />
      <ul>
        {(judges.data?.judges ?? []).map((judge) => (
          <li key={judge.judge}>
            <code>{judge.judge}</code>: {judge.responses} answers judged, {judge.latestRows} labels in use
            {judge.human ? ' (a person)' : ''}
          </li>
        ))}
      </ul>
      <p>
        <a href={links.page('/judges')}>How the judges agree</a>
      </p>
      <h2>Licences</h2>
      <ul>
        <li>Candor: Apache-2.0.</li>
        <li>
          SpeechMap questions, answers and judgments: © their authors, Apache-2.0 (see SpeechMap's LICENSE and NOTICE).
        </li>
        <li>Model answers are the providers' output, shown as collected; they are untrusted text.</li>
      </ul>
    </>
  );
}
