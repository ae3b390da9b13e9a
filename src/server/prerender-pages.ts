import type {
  JudgesResponse,
  LanguagesResponse,
  MapResponse,
  RoutesResponse,
  TimelineResponse,
} from './api-types/breakdowns.js';
import type {
  BreakdownRow,
  HighlightsResponse,
  LabsResponse,
  LeaderboardResponse,
  ModelResponse,
  OverviewResponse,
} from './api-types/models.js';
import type {
  DomainResponse,
  DomainsResponse,
  ThemesResponse,
  QuestionResponse,
  ThemeResponse,
} from './api-types/questions.js';
import type { Rate } from './api-types/shared.js';
import { escapeHtml as e } from './web-shell.js';

/** A page's title, description and plain-HTML content, before its address is known. */
export interface PrerenderedPage {
  title: string;
  description: string;
  body: string;
}

const SITE = 'Candor';
const pct = (value: number | null) => (value !== null && Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : '–');
/** "62.3% [56.7–67.6]"; "– [–]" for an empty cell. */
const rate = (cells: Pick<Rate, 'rate' | 'low' | 'high'>) =>
  cells.low === null || cells.high === null
    ? `${pct(cells.rate)} [–]`
    : `${pct(cells.rate)} [${(cells.low * 100).toFixed(1)}–${(cells.high * 100).toFixed(1)}]`;
const rateWithN = (cells: Rate) => `${rate(cells)} of ${cells.total} judged answers`;

const encodeModel = (id: string) => id.split('/').map(encodeURIComponent).join('/');

function linker(base: string) {
  const at = (path: string) => `${base}${path.replace(/^\//, '')}`;
  return {
    at,
    model: (id: string) => at(`/models/${encodeModel(id)}`),
    question: (set: string, id: string) => at(`/questions/${encodeURIComponent(set)}/${encodeURIComponent(id)}`),
    theme: (set: string, theme: string) => at(`/themes/${encodeURIComponent(set)}/${encodeURIComponent(theme)}`),
  };
}

function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th scope="col">${e(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const nav = (base: string) =>
  `<nav aria-label="Main"><a href="${e(base)}">Candor</a> · <a href="${e(base)}map">Map</a> · <a href="${e(base)}timeline">Timeline</a> · <a href="${e(base)}languages">Languages</a> · <a href="${e(base)}search">Search</a></nav>`;

const page = (base: string, title: string, description: string, main: string): PrerenderedPage => ({
  title: title === SITE ? title : `${title} · ${SITE}`,
  description,
  body: `${nav(base)}<main id="main">${main}<p><small>This page works without JavaScript; with it, the tables sort and filter.</small></p></main>`,
});

/** The home page: headline numbers, findings and the leaderboard. */
export function prerenderHome(
  base: string,
  overview: OverviewResponse,
  leaderboard: LeaderboardResponse,
  highlights: HighlightsResponse,
): PrerenderedPage {
  const link = linker(base);
  const { counts, overall } = overview;
  const description = `${counts.models} models, ${counts.questions} questions in ${counts.questionSets} sets, ${counts.responses} answers: ${pct(overall.rate)} fulfilled (COMPLETE over all judged answers, 95% interval ${rate(overall).split(' ')[1]}, n=${overall.total}).`;
  const findings = overview.findings
    .map(
      (finding) =>
        `<li><strong>${e(finding.title)}.</strong> ${e(finding.text)} <a href="${e(link.at(finding.href))}">See the evidence</a></li>`,
    )
    .join('');
  const rows = leaderboard.rows.map((row, index) => [
    String(index + 1),
    `<a href="${e(link.model(row.model))}">${e(row.model)}</a>`,
    e(row.creator ?? '–'),
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    SITE,
    description,
    `<h1>What models will and won't say</h1><p>${e(description)}</p>${highlights.cards.map((card) => `<section><h2>${e(card.question)}</h2><p>${e(card.answer)} <a href="${e(link.at(card.href))}">${e(card.linkText)}</a></p></section>`).join('')}${findings ? `<h2>Findings</h2><ul>${findings}</ul>` : ''}<h2>Leaderboard</h2>${table(`${leaderboard.rows.length} models, COMPLETE rate with 95% interval`, ['#', 'Model', 'Creator', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

function breakdown(title: string, rows: readonly BreakdownRow[]): string {
  return `<h2>${e(title)}</h2>${table(
    title,
    [title.replace(/^By /, ''), 'Complete [95% CI]', 'n'],
    rows.map((row) => [e(row.key ?? '(none)'), e(rate(row)), String(row.total)]),
  )}`;
}

/** A model: overall rate, by set, domain and country. */
export function prerenderModel(base: string, body: ModelResponse): PrerenderedPage {
  const id = body.model.id;
  const facts = [
    body.model.creator && `by ${body.model.creator}`,
    body.model.releaseDate && `released ${body.model.releaseDate}`,
  ]
    .filter(Boolean)
    .join(', ');
  const description = `${id}${facts ? ` (${facts})` : ''} fulfils ${rateWithN(body.overall)}: COMPLETE rate with 95% interval.`;
  return page(
    base,
    id,
    description,
    `<h1>${e(id)}</h1><p>${e(description)}</p>${breakdown('By question set', body.bySet)}${breakdown('By domain', body.byDomain)}${body.byCountry.length ? breakdown('By target country', body.byCountry) : ''}`,
  );
}

/** A question: its text, summary, and every answer as plain text (answers are untrusted: escaped, never HTML). */
export function prerenderQuestion(base: string, body: QuestionResponse): PrerenderedPage {
  const link = linker(base);
  const { question, summary } = body;
  const shortText = question.text.length > 140 ? `${question.text.slice(0, 140)}…` : question.text;
  const description = `“${shortText}” — ${rateWithN(summary)} fulfilled (COMPLETE, 95% interval).`;
  const answers = body.answers
    .map(
      (answer) =>
        `<article><h3><a href="${e(link.model(answer.model))}">${e(answer.model)}</a>: ${e(answer.label ?? 'not judged')}</h3>${answer.explanation ? `<p>${e(answer.judge ?? '')}: ${e(answer.explanation)}</p>` : ''}${answer.text ? `<details><summary>Answer</summary><pre>${e(answer.text)}</pre></details>` : ''}</article>`,
    )
    .join('\n');
  return page(
    base,
    `${question.set}/${question.id}`,
    description,
    `<h1>${e(question.set)} / ${e(question.id)}</h1><blockquote lang="${e(question.language)}">${e(question.text)}</blockquote>${question.theme ? `<p><a href="${e(link.theme(question.set, question.theme))}">theme ${e(question.theme)}</a></p>` : ''}<p>Complete: ${e(rateWithN(summary))}</p><h2>${body.answers.length} answers</h2>${answers}`,
  );
}

/** A theme: its phrasings with their rates. */
export function prerenderTheme(base: string, body: ThemeResponse): PrerenderedPage {
  const link = linker(base);
  const description = `Theme ${body.theme} in ${body.set}: ${body.phrasings.length} phrasings, ${body.models.length} models${body.domain ? ` (${body.domain})` : ''}.`;
  const rows = body.phrasings.map((row) => [
    `<a href="${e(link.question(body.set, row.id))}">${e(row.id)}</a>`,
    `<span lang="${e(row.language)}">${e(row.text)}</span>`,
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    `Theme ${body.theme} in ${body.set}`,
    description,
    `<h1>Theme ${e(body.theme)} in ${e(body.set)}</h1><p>${e(description)}</p>${table('Phrasings, COMPLETE rate over every model', ['Question', 'Phrasing', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

/** The map page as a table of countries. */
export function prerenderMap(base: string, body: MapResponse): PrerenderedPage {
  const known = (row: (typeof body.countries)[number]) => row.rate ?? Number.POSITIVE_INFINITY;
  const sorted = [...body.countries].sort((left, right) => known(left) - known(right));
  const lowest = sorted[0]?.rate !== null ? sorted[0] : undefined;
  const description = lowest
    ? `Requests criticising ${body.countries.length} governments: the lowest COMPLETE rate is about ${lowest.country}, ${rate(lowest)} (n=${lowest.total}).`
    : 'Requests about governments: no country-tagged questions in this store.';
  const rows = sorted.map((row) => [e(row.country), e(rate(row)), String(row.questions), String(row.total)]);
  return page(
    base,
    'Which governments may be criticised?',
    description,
    `<h1>Which governments may be criticised?</h1><p>${e(description)}</p>${table('COMPLETE rate by target country', ['Country', 'Complete [95% CI]', 'Questions', 'n'], rows)}`,
  );
}

export function prerenderTimeline(base: string, body: TimelineResponse): PrerenderedPage {
  const link = linker(base);
  const description = `COMPLETE rate of ${body.release.length} models by release date, per creator, with 95% intervals and each creator's trend.`;
  const rows = body.release.map((row) => [
    e(row.creator),
    e(row.releaseDate),
    `<a href="${e(link.model(row.model))}">${e(row.model)}</a>`,
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    'Timeline',
    description,
    `<h1>Timeline</h1><p>${e(description)}</p>${table('Models by creator and release date', ['Creator', 'Released', 'Model', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

const others = (group: LanguagesResponse['groups'][number]) =>
  group.languages.filter((language) => language !== group.baseLanguage);
const gapPp = (difference: number) => `${difference >= 0 ? '+' : '−'}${Math.abs(difference * 100).toFixed(1)} pp`;

export function prerenderLanguages(base: string, body: LanguagesResponse): PrerenderedPage {
  const description = body.groups.length
    ? `The same requests in ${[...new Set(body.groups.flatMap((group) => group.languages))].join(', ')}: each model's COMPLETE rate per language and the gap.`
    : 'No question set in this store has translations.';
  const sections = body.groups
    .map(
      (group) =>
        `<h2>${e(group.baseSet)} in ${e(group.languages.join(', '))}</h2>${table(
          `COMPLETE rate per language, ${group.baseSet}`,
          [
            'Model',
            ...group.languages,
            ...others(group).map((language) => `${language} − ${group.baseLanguage} (pp, paired)`),
          ],
          group.rows.map((row) => [
            e(row.model),
            ...group.languages.map((language) => (row.byLanguage[language] ? e(rate(row.byLanguage[language]!)) : '–')),
            ...others(group).map((language) => {
              const gap = row.gaps[language];
              return gap
                ? e(`${gapPp(gap.difference)} [${gapPp(gap.low)} to ${gapPp(gap.high)}] n=${gap.pairs} pairs`)
                : '–';
            }),
          ]),
        )}`,
    )
    .join('');
  return page(base, 'Language gap', description, `<h1>Language gap</h1><p>${e(description)}</p>${sections}`);
}

export function prerenderRoutes(base: string, body: RoutesResponse): PrerenderedPage {
  const description = `${body.rows.length} model routes; ${body.multiRouteModels.length} models reached through more than one provider, with the share blocked by moderation.`;
  const rows = body.rows.map((row) => [
    e(row.model),
    e(row.route ?? '(unknown)'),
    e(`${pct(row.blockedShare)} (${row.blocked})`),
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    'Provider routes',
    description,
    `<h1>Provider routes</h1><p>${e(description)}</p>${table('Rate and moderation blocks per model and route', ['Model', 'Route', 'Blocked', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

export function prerenderJudges(base: string, body: JudgesResponse): PrerenderedPage {
  const description = `${body.judges.length} judges labelled the answers; ${body.agreement.length} pairs compared on the answers both judged.`;
  const rows = body.judges.map((judge) => [e(judge.judge), String(judge.responses), String(judge.latestRows)]);
  return page(
    base,
    'Judges',
    description,
    `<h1>Judges</h1><p>${e(description)}</p>${table('Judges and the answers they labelled', ['Judge', 'Answers judged', 'Labels in use'], rows)}`,
  );
}

/** A page whose content needs the app (compare, search): a title and a sentence. */
export function prerenderPlain(base: string, title: string, description: string): PrerenderedPage {
  return page(
    base,
    title,
    description,
    `<h1>${e(title)}</h1><p>${e(description)}</p><noscript><p>This page needs JavaScript.</p></noscript>`,
  );
}

export function prerenderThemesIndex(base: string, body: ThemesResponse): PrerenderedPage {
  const link = linker(base);
  const description = `${body.themes.length} themes (one request in several phrasings), each with its COMPLETE rate over every model and 95% interval.`;
  const rows = body.themes.map((row) => [
    `<a href="${e(link.theme(row.set, row.theme))}">${e(row.theme)}</a>`,
    e(row.set),
    e(row.domain ?? '–'),
    String(row.questions),
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    'Themes',
    description,
    `<h1>Themes</h1><p>${e(description)}</p>${table('Themes, COMPLETE rate over every model', ['Theme', 'Set', 'Domain', 'Phrasings', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

export function prerenderDomains(base: string, body: DomainsResponse): PrerenderedPage {
  const link = linker(base);
  const description = `${body.domains.length} subject areas, each with its COMPLETE rate over every model and 95% interval.`;
  const rows = body.domains.map((row) => [
    `<a href="${e(link.at(`/domains/${encodeURIComponent(row.domain)}`))}">${e(row.domain)}</a>`,
    String(row.questions),
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    'Domains',
    description,
    `<h1>Domains</h1><p>${e(description)}</p>${table('Domains, COMPLETE rate over every model', ['Domain', 'Questions', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

export function prerenderDomain(base: string, body: DomainResponse): PrerenderedPage {
  const link = linker(base);
  const description = `Domain ${body.domain}: ${rateWithN(body.summary)} fulfilled (COMPLETE, 95% interval), ${body.models.length} models, ${body.themes.length} themes.`;
  const rows = body.models.map((row) => [
    row.key ? `<a href="${e(link.model(row.key))}">${e(row.key)}</a>` : '(none)',
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    `Domain: ${body.domain}`,
    description,
    `<h1>Domain: ${e(body.domain)}</h1><p>${e(description)}</p>${table('By model', ['Model', 'Complete [95% CI]', 'n'], rows)}`,
  );
}

export function prerenderLabs(base: string, body: LabsResponse): PrerenderedPage {
  const link = linker(base);
  const top = body.labs[0];
  const description = top
    ? `Lab index of ${body.labs.length} creators (EMA of recent models' COMPLETE rates, 95% interval); highest: ${top.creator} ${rate({ rate: top.index, low: top.low, high: top.high })}.`
    : 'Lab index: no model has both a creator and a release date.';
  const rows = body.labs.map((row) => [
    `<a href="${e(link.at(`/labs/${encodeURIComponent(row.creator)}`))}">${e(row.creator)}</a>`,
    e(rate({ rate: row.index, low: row.low, high: row.high })),
    String(row.models.length),
    e(row.latestRelease),
  ]);
  return page(
    base,
    'Labs',
    description,
    `<h1>Labs</h1><p>${e(description)}</p>${table('Labs, index with 95% interval', ['Lab', 'Index [95% CI]', 'Models in window', 'Latest release'], rows)}`,
  );
}

export function prerenderLab(base: string, body: LabsResponse, creator: string): PrerenderedPage {
  const link = linker(base);
  const lab = body.labs.find((row) => row.creator === creator);
  const models = body.models.filter((row) => row.creator === creator);
  const description = lab
    ? `${creator}: lab index ${rate({ rate: lab.index, low: lab.low, high: lab.high })} over ${lab.models.length} recent models (EMA, 95% interval); ${models.length} models in all.`
    : `${creator}: ${models.length} models; none released in the index window.`;
  const rows = models.map((row) => [
    `<a href="${e(link.model(row.model))}">${e(row.model)}</a>`,
    e(row.releaseDate ?? '–'),
    e(rate(row)),
    String(row.total),
  ]);
  return page(
    base,
    `Lab: ${creator}`,
    description,
    `<h1>Lab: ${e(creator)}</h1><p>${e(description)}</p>${table(`Models by ${creator}`, ['Model', 'Released', 'Complete [95% CI]', 'n'], rows)}`,
  );
}
