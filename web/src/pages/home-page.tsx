import { source } from '../lib/data-source.js';
import { lensText, links, percent } from '../lib/format.js';
import { useData } from '../lib/use-data.js';
import { Leaderboard } from './leaderboard.js';

/** Overview: headline numbers and findings computed from the data, then the leaderboard. */
export function HomePage({ params }: { params: URLSearchParams }) {
  const overview = useData('overview', source.overview);
  const highlights = useData('highlights', source.highlights);
  const data = overview.data;
  return (
    <>
      <h1>What models will and won't say</h1>
      {data ? (
        <section class="headline" aria-label="Headline numbers">
          <div>
            <strong>{data.counts.models}</strong> models
          </div>
          <div>
            <strong>{data.counts.questions}</strong> questions in {data.counts.questionSets} sets
          </div>
          <div>
            <strong>{data.counts.responses}</strong> answers
          </div>
          <div>
            <strong>{percent(data.overall.rate)}</strong> of answers fulfilled ({data.overall.n} with a verdict,{' '}
            {data.overall.missing} missing; {lensText(data.lens)})
          </div>
        </section>
      ) : null}
      {highlights.data ? (
        <section aria-labelledby="asked-title">
          <h2 id="asked-title">Questions people ask</h2>
          <div class="cards-grid">
            {highlights.data.cards.map((card) => (
              <article key={card.question} class={`highlight${card.answered ? '' : ' unanswered'}`}>
                <h3>{card.question}</h3>
                <p>{card.answer}</p>
                <p>
                  <a href={links.page(card.href)}>{card.linkText} →</a>
                </p>
              </article>
            ))}
          </div>
        </section>
      ) : null}
      {data && data.findings.length > 0 ? (
        <section aria-label="Findings">
          <h2>Findings</h2>
          <ul class="findings">
            {data.findings.map((finding) => (
              <li key={finding.title}>
                <strong>{finding.title}.</strong> {finding.text} <a href={links.page(finding.href)}>See the evidence</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Leaderboard params={params} />
    </>
  );
}
