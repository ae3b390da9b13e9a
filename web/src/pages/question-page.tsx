import type { AnswerRow } from '../../../src/server/api-types/questions.js';
import { DownloadLinks } from '../components/download-links.js';
import { MarkdownView } from '../components/markdown-view.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { links, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

function Answer({ answer }: { answer: AnswerRow }) {
  return (
    <article class="answer-card" data-model={answer.model}>
      <header>
        <a href={links.model(answer.model)}>{answer.model}</a>
        {answer.sample > 0 ? <> · sample {answer.sample}</> : null}
        {answer.route ? (
          <>
            {' '}
            · via <bdi>{answer.route}</bdi>
          </>
        ) : null}
        <span class={`label seg-${answer.segment ?? 'NONE'}`}>{answer.label ?? 'not judged'}</span>
      </header>
      {answer.explanation ? (
        <p class="explanation">
          <span class="muted">{answer.judge}:</span> {answer.explanation}
        </p>
      ) : null}
      {answer.text ? (
        <details>
          <summary>Answer ({answer.text.length} characters)</summary>
          <MarkdownView text={answer.text} />
        </details>
      ) : (
        <p class="muted">No answer text (status {answer.status}).</p>
      )}
    </article>
  );
}

/** One question: its text, related phrasings and translations, and every model's answer. */
export function QuestionPage({ set, id }: { set: string; id: string }) {
  const state = useData(`question:${set}:${id}`, () => source.question(set, id));
  const data = state.data;
  return (
    <>
      <h1>
        {set} / {id}
      </h1>
      <StatusView state={state} />
      {data ? (
        <>
          <blockquote class="prompt" lang={data.question.language}>
            {data.question.text}
          </blockquote>
          <p class="muted">
            {[
              data.question.domain,
              data.question.country && `about ${data.question.country}`,
              `language ${data.question.language}`,
            ]
              .filter(Boolean)
              .join(' · ')}
            {data.question.theme ? (
              <>
                {' · '}
                <a href={links.theme(data.question.set, data.question.theme)}>theme {data.question.theme}</a>
              </>
            ) : null}
          </p>
          <p>
            Complete: <strong>{rateText(data.summary.rate, data.summary.low, data.summary.high)}</strong> of{' '}
            {data.summary.total} judged answers
          </p>
          <RateBar cells={data.summary} />
          <Legend />
          {data.related.length > 0 ? (
            <details>
              <summary>{data.related.length} related questions (other phrasings and languages)</summary>
              <ul>
                {data.related.map((item) => (
                  <li key={`${item.set}/${item.id}`}>
                    <a href={links.question(item.set, item.id)}>
                      {item.set}/{item.id}
                    </a>{' '}
                    ({item.relation}): {item.text}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <h2>{data.answers.length} answers</h2>
          <DownloadLinks
            rows={data.answers.map(({ segment: _segment, ...row }) => row)}
            name={`question-${set}-${id}`}
            apiCsv={apiCsvHref(`questions/${encodeURIComponent(set)}/${encodeURIComponent(id)}`)}
          />
          {data.answers.map((answer) => (
            <Answer key={answer.responseId} answer={answer} />
          ))}
        </>
      ) : null}
    </>
  );
}
