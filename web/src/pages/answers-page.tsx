import type { AnswerFilters, AnswerListRow } from '../../../src/server/api-types/questions.js';
import type { Segment } from '../../../src/server/api-types/shared.js';
import { DownloadLinks } from '../components/download-links.js';
import { MarkdownView } from '../components/markdown-view.js';
import { Legend, RateBar } from '../components/rate-bar.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, isStatic, source } from '../lib/data-source.js';
import { lensText, links, percent, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

const SEGMENTS: readonly Segment[] = ['COMPLETE', 'EVASIVE', 'DENIAL', 'ERROR'];

function filtersOf(params: URLSearchParams): AnswerFilters {
  const get = (name: string) => params.get(name) || null;
  const label = get('label')?.toUpperCase() ?? null;
  return {
    model: get('model'),
    set: get('set'),
    label: label && (SEGMENTS as readonly string[]).includes(label) ? (label as Segment) : null,
    language: get('language'),
    country: get('country'),
    domain: get('domain'),
  };
}

function Answer({ row }: { row: AnswerListRow }) {
  return (
    <article class="answer-card" data-model={row.model}>
      <header>
        <a href={links.question(row.set, row.questionId)}>
          {row.set}/{row.questionId}
        </a>
        {' · '}
        <a href={links.model(row.model)}>{row.model}</a>
        {row.sample > 0 ? <> · sample {row.sample}</> : null}
        {row.route ? (
          <>
            {' '}
            · via <bdi>{row.route}</bdi>
          </>
        ) : null}
        <span class={`label seg-${row.segment}`}>{row.label}</span>
      </header>
      <p class="prompt-line" lang={row.language || undefined}>
        {row.question}
      </p>
      {row.explanation ? (
        <p class="explanation">
          <span class="muted">{row.judge}:</span> {row.explanation}
        </p>
      ) : null}
      {row.text ? (
        <details>
          <summary>Answer ({row.text.length} characters)</summary>
          <MarkdownView text={row.text} />
        </details>
      ) : isStatic ? null : (
        <p class="muted">No answer text.</p>
      )}
    </article>
  );
}

/** The answers behind a rate: filter by model, set, verdict, language, country and domain; shareable URL, paginated. */
export function AnswersPage({ params }: { params: URLSearchParams }) {
  const filters = filtersOf(params);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const state = useData(`answers:${JSON.stringify(filters)}:${page}`, () => source.answers(filters, page));
  const data = state.data;
  const described = [
    filters.model,
    filters.set,
    filters.language && `language ${filters.language}`,
    filters.country && `about ${filters.country}`,
    filters.domain,
  ]
    .filter(Boolean)
    .join(' · ');
  const withFilters = (changes: Partial<Record<keyof AnswerFilters | 'page', string | null>>) =>
    links.answers({ ...filters, page: null, ...changes });
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h1>Answers{described ? <span class="muted"> · {described}</span> : null}</h1>
      <StatusView state={state} />
      {data ? (
        <>
          <p class="big">
            Complete: <strong>{rateText(data.summary.rate, data.summary.low, data.summary.high)}</strong>, n=
            {data.summary.n} with a verdict
            {data.summary.missing > 0 ? `, ${data.summary.missing} missing (technical failures, not refusals)` : ''}
          </p>
          <p class="muted">{lensText(data.summary.lens)}</p>
          <RateBar cells={data.summary} />
          <Legend />
          <nav aria-label="Verdict" class="label-filter">
            <a href={withFilters({ label: null })} aria-current={filters.label === null ? 'page' : undefined}>
              all ({data.summary.total})
            </a>
            {SEGMENTS.map((segment) => (
              <a
                key={segment}
                href={withFilters({ label: segment })}
                aria-current={filters.label === segment ? 'page' : undefined}
              >
                {segment} ({data.summary[segment]},{' '}
                {percent(data.summary.total ? data.summary[segment] / data.summary.total : 0)})
              </a>
            ))}
          </nav>
          <h2>
            {data.total} {filters.label ?? ''} answers{pages > 1 ? `, page ${data.page} of ${pages}` : ''}
          </h2>
          {isStatic ? (
            <p class="muted">The static site lists the questions and labels; each question's page has the answers.</p>
          ) : null}
          {data.rows.map((row) => (
            <Answer key={`${row.set}/${row.questionId}/${row.model}/${row.sample}`} row={row} />
          ))}
          {pages > 1 ? (
            <nav aria-label="Pages" class="pager">
              {data.page > 1 ? (
                <a href={withFilters({ page: String(data.page - 1) })} rel="prev">
                  ← Previous
                </a>
              ) : null}
              <span>
                Page {data.page} of {pages}
              </span>
              {data.page < pages ? (
                <a href={withFilters({ page: String(data.page + 1) })} rel="next">
                  Next →
                </a>
              ) : null}
            </nav>
          ) : null}
          <DownloadLinks
            rows={data.rows.map(({ segment: _segment, ...row }) => row)}
            name={`answers-${described || 'all'}-${filters.label ?? 'all'}-page${data.page}`}
            apiCsv={apiCsvHref('answers', { ...filters, page: data.page > 1 ? String(data.page) : null })}
          />
        </>
      ) : null}
    </>
  );
}
