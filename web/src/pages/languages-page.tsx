import type { LanguageGroup } from '../../../src/server/api-types.js';
import { DataTable, type TableColumn } from '../components/data-table.js';
import { DownloadLinks } from '../components/download-links.js';
import { StatusView } from '../components/status-view.js';
import { apiCsvHref, source } from '../lib/data-source.js';
import { lensText, links, ppText, pText, rateText } from '../lib/format.js';
import { useData } from '../lib/use-data.js';

type Row = LanguageGroup['rows'][number];

function flat(group: LanguageGroup) {
  return group.rows.flatMap((row) =>
    group.languages.map((language) => {
      const cell = row.byLanguage[language];
      return {
        baseSet: group.baseSet, model: row.model, language, set: group.sets[language] ?? null,
        total: cell?.total ?? 0, missing: cell?.missing ?? 0, complete: cell?.complete ?? 0, rate: cell?.rate ?? null, low: cell?.low ?? null, high: cell?.high ?? null,
        gap_pp: row.gaps[language] ? row.gaps[language]!.difference * 100 : null, gap_pairs: row.gaps[language]?.pairs ?? null, gap_mcnemar_p: row.gaps[language]?.pValue ?? null,
      };
    }),
  );
}

function Group({ group }: { group: LanguageGroup }) {
  const columns: TableColumn<Row>[] = [
    { key: 'model', header: 'Model', render: (row) => <a href={links.model(row.model)}>{row.model}</a>, sortValue: (row) => row.model },
    ...group.languages.map(
      (language): TableColumn<Row> => ({
        key: `lang-${language}`,
        header: `${language} (${group.sets[language]})`,
        render: (row) => {
          const cell = row.byLanguage[language];
          return cell ? `${rateText(cell.rate, cell.low, cell.high)} n=${cell.total}` : '–';
        },
        sortValue: (row) => row.byLanguage[language]?.rate ?? null,
        numeric: true,
      }),
    ),
    ...group.languages
      .filter((language) => language !== group.baseLanguage)
      .map(
        (language): TableColumn<Row> => ({
          key: `gap-${language}`,
          header: `${language} − ${group.baseLanguage} (pp, paired)`,
          render: (row) => {
            const gap = row.gaps[language];
            if (!gap) return '–';
            const text = `${ppText(gap.difference, gap.low, gap.high)} n=${gap.pairs} pairs, McNemar p ${pText(gap.pValue)}`;
            return gap.fewPairs ? <span class="muted" title="fewer than 30 pairs">{text} (few pairs)</span> : text;
          },
          sortValue: (row) => row.gaps[language]?.difference ?? null,
          numeric: true,
        }),
      ),
  ];
  const firstGap = group.languages.find((language) => language !== group.baseLanguage);
  return (
    <section aria-labelledby={`group-${group.baseSet}`}>
      <h2 id={`group-${group.baseSet}`}>{group.baseSet} in {group.languages.join(', ')}</h2>
      <DataTable caption={`COMPLETE rate per language, ${group.baseSet} and its translations`} rows={group.rows} rowKey={(row) => row.model} columns={columns} initialSort={firstGap ? { key: `gap-${firstGap}`, descending: false } : { key: 'model', descending: false }} />
      <p class="muted">
        {lensText(group.lens)}. A gap is (language − {group.baseLanguage}) in percentage points on the same source questions, with Newcombe's paired 95% interval
        and the exact McNemar p; missing answers are left out of both sides.
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
      <p class="muted">The same requests, translated: does a model answer in one language what it refuses in another?</p>
      <StatusView state={state} />
      {data && data.groups.length === 0 ? <p>No question set in this store has translations.</p> : null}
      {data?.groups.map((group) => <Group key={group.baseSet} group={group} />)}
    </>
  );
}
