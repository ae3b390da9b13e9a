import * as Plot from '@observablehq/plot';
import type { LanguageGroup } from '../../../src/server/api-types/breakdowns.js';
import { PlotFigure } from '../components/plot-figure.js';
import { DataTable, type TableColumn } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { lensText, links, percent, ppText, pText, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

type Row = LanguageGroup['rows'][number];

function flat(group: LanguageGroup) {
  return group.rows.flatMap((row) =>
    group.languages.map((language) => {
      const cell = row.byLanguage[language];
      return {
        baseSet: group.baseSet,
        model: row.model,
        language,
        set: group.sets[language] ?? null,
        total: cell?.n ?? 0,
        missing: cell?.missing ?? 0,
        complete: cell?.COMPLETE ?? 0,
        rate: cell?.rate ?? null,
        low: cell?.low ?? null,
        high: cell?.high ?? null,
        gap_pp: row.gaps[language] ? row.gaps[language]!.difference * 100 : null,
        gap_pairs: row.gaps[language]?.pairs ?? null,
        gap_mcnemar_p: row.gaps[language]?.pValue ?? null,
      };
    }),
  );
}

const LANGUAGE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];

/**
 * Dumbbell chart: per model, a dot per language (its COMPLETE rate) with the 95% interval as a
 * bar, joined by a line from the base language to each translation.
 */
function GapChart({ group }: { group: LanguageGroup }) {
  const [base, ...others] = group.languages;
  const points = group.rows.flatMap((row) =>
    group.languages.flatMap((language, position) => {
      const cell = row.byLanguage[language];
      return cell
        ? [{ model: row.model, language, position, rate: cell.rate, low: cell.low, high: cell.high, n: cell.n }]
        : [];
    }),
  );
  const joins = group.rows.flatMap((row) => {
    const from = base ? row.byLanguage[base] : undefined;
    return from
      ? others.flatMap((language) =>
          row.byLanguage[language] ? [{ model: row.model, x1: from.rate, x2: row.byLanguage[language]!.rate }] : [],
        )
      : [];
  });
  // Largest paired shortfall of the first translation first (most negative language − base gap).
  const firstOther = others[0];
  const gapOf = (row: Row) => (firstOther ? (row.gaps[firstOther]?.difference ?? 0) : 0);
  const models = [...group.rows].sort((left, right) => gapOf(left) - gapOf(right)).map((row) => row.model);
  const width = Math.max(300, Math.min(960, document.documentElement.clientWidth - 40));
  const label = `${group.baseSet}: COMPLETE rate per model in ${group.languages.join(' and ')}; ${points.map((point) => `${point.model} ${point.language} ${percent(point.rate)}`).join('; ')}`;
  return (
    <PlotFigure
      label={label}
      deps={[group]}
      draw={() =>
        Plot.plot({
          width,
          height: 40 + models.length * 28,
          marginLeft: Math.min(width / 2.5, 8 + 6.5 * Math.max(...models.map((model) => model.length))),
          x: { domain: [0, 1], tickFormat: '.0%', label: 'COMPLETE rate', grid: true },
          y: { domain: models, label: null },
          color: { domain: group.languages, range: LANGUAGE_COLOURS, legend: true },
          marks: [
            Plot.ruleY(joins, { y: 'model', x1: 'x1', x2: 'x2', stroke: '#8c8c8c', strokeWidth: 2 }),
            ...group.languages.map((language, position) =>
              Plot.ruleY(
                points.filter((point) => point.language === language),
                {
                  y: 'model',
                  x1: 'low',
                  x2: 'high',
                  stroke: 'language',
                  strokeOpacity: 0.45,
                  strokeWidth: 5,
                  dy: (position - (group.languages.length - 1) / 2) * 6,
                },
              ),
            ),
            ...group.languages.map((language, position) =>
              Plot.dot(
                points.filter((point) => point.language === language),
                {
                  x: 'rate',
                  y: 'model',
                  fill: 'language',
                  r: 4.5,
                  dy: (position - (group.languages.length - 1) / 2) * 6,
                  title: (point: (typeof points)[number]) =>
                    `${point.model}, ${point.language}: ${rateText(point.rate, point.low, point.high)}, n=${point.n}`,
                },
              ),
            ),
          ],
        })
      }
    />
  );
}

function Group({ group }: { group: LanguageGroup }) {
  const columns: TableColumn<Row>[] = [
    {
      card: 'title',
      key: 'model',
      header: 'Model',
      render: (row) => <a href={links.model(row.model)}>{row.model}</a>,
      sortValue: (row) => row.model,
    },
    ...group.languages.map((language): TableColumn<Row> => ({
      key: `lang-${language}`,
      header: `${language} (${group.sets[language]})`,
      render: (row) => {
        const cell = row.byLanguage[language];
        return cell ? (
          <a
            href={links.answers({ model: row.model, set: cell.set })}
          >{`${rateText(cell.rate, cell.low, cell.high)} n=${cell.n}`}</a>
        ) : (
          '–'
        );
      },
      sortValue: (row) => row.byLanguage[language]?.rate ?? null,
      numeric: true,
    })),
    ...group.languages
      .filter((language) => language !== group.baseLanguage)
      .map((language): TableColumn<Row> => ({
        key: `gap-${language}`,
        header: `${language} − ${group.baseLanguage} (pp, paired)`,
        render: (row) => {
          const gap = row.gaps[language];
          if (!gap) return '–';
          const text = `${ppText(gap.difference, gap.low, gap.high)} n=${gap.pairs} pairs, McNemar p ${pText(gap.pValue)}`;
          return gap.fewPairs ? (
            <span class="muted" title="fewer than 30 pairs">
              {text} (few pairs)
            </span>
          ) : (
            text
          );
        },
        sortValue: (row) => row.gaps[language]?.difference ?? null,
        numeric: true,
      })),
  ];
  const firstGap = group.languages.find((language) => language !== group.baseLanguage);
  return (
    <section aria-labelledby={`group-${group.baseSet}`}>
      <h2 id={`group-${group.baseSet}`}>
        {group.baseSet} in {group.languages.join(', ')}
      </h2>
      <GapChart group={group} />
      <DataTable
        caption={`COMPLETE rate per language, ${group.baseSet} and its translations`}
        rows={group.rows}
        rowKey={(row) => row.model}
        columns={columns}
        initialSort={firstGap ? { key: `gap-${firstGap}`, descending: false } : { key: 'model', descending: false }}
      />
      <p class="muted">
        {lensText(group.lens)}. A gap is (language − {group.baseLanguage}) in percentage points on the same source
        questions, with Newcombe's paired 95% interval and the exact McNemar p; missing answers are left out of both
        sides.
      </p>
      <DownloadLinks rows={flat(group)} name={`language-gap-${group.baseSet}`} apiCsv={apiCsvHref('languages')} />
      <details>
        <summary>The {group.questions.length} questions in each language</summary>
        <ul>
          {group.questions.map((versions) => (
            <li key={`${versions[0]!.set}/${versions[0]!.id}`}>
              {versions.map((version, index) => (
                <span key={`${version.set}/${version.id}`} lang={version.language}>
                  {index > 0 ? ' · ' : ''}
                  <a href={links.question(version.set, version.id)}>{version.language}</a>: {version.text}
                </span>
              ))}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The same questions asked in several languages: each model's rate per language and the gap. */
export function LanguagesPage() {
  const state = useData('languages', source.languages);
  const data = state.data;
  return (
    <>
      <h1>Language gap</h1>
      <p class="muted">
        The same requests, translated: does a model answer in one language what it refuses in another?
      </p>
      <StatusView state={state} />
      {data && data.groups.length === 0 ? <p>No question set in this store has translations.</p> : null}
      {data?.groups.map((group) => (
        <Group key={group.baseSet} group={group} />
      ))}
    </>
  );
}
