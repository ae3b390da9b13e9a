import { formatCell, rateReport } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { Finding, OverviewResponse } from './api-types.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './judge-shares.js';
import type { QuestionCatalog } from './question-catalog.js';
import { emptyRateCells, toRateCells } from './rate-cells.js';

const percent = (value: number) => formatCell(value, 'rate');

async function modelFindings(store: CandorStore, query: ExplorerQuery): Promise<Finding[]> {
  const rows = await rateReport(store, { groupBy: ['model'], sortByRate: true, judge: query.judge, excludeBlocked: query.excludeBlocked, filters: query.filters });
  const minimum = Math.max(10, Math.floor(Math.max(0, ...rows.map((row) => row.total)) / 4));
  const solid = rows.filter((row) => row.total >= minimum);
  const top = solid[0];
  const bottom = solid[solid.length - 1];
  if (!top || !bottom || top === bottom) return [];
  return [
    {
      title: 'Most and least compliant',
      text: `${top.model} fulfils ${percent(top.complete_rate)} of requests (n=${top.total}); ${bottom.model} only ${percent(bottom.complete_rate)} (n=${bottom.total}).`,
      href: `/compare?a=${encodeURIComponent(top.model ?? '')}&b=${encodeURIComponent(bottom.model ?? '')}`,
    },
  ];
}

async function countryFindings(store: CandorStore, query: ExplorerQuery): Promise<Finding[]> {
  const rows = (await rateReport(store, { groupBy: ['country'], judge: query.judge, excludeBlocked: query.excludeBlocked, filters: query.filters }))
    .filter((row) => row.country && row.total > 0)
    .sort((left, right) => right.complete_rate - left.complete_rate);
  const easiest = rows[0];
  const hardest = rows[rows.length - 1];
  if (!easiest || !hardest || easiest === hardest) return [];
  return [
    {
      title: 'Which governments may be criticised',
      text: `Requests about ${easiest.country} are fulfilled ${percent(easiest.complete_rate)} of the time, about ${hardest.country} ${percent(hardest.complete_rate)}.`,
      href: '/map',
    },
  ];
}

function blockedFinding(overall: OverviewResponse['overall']): Finding[] {
  if (overall.total === 0 || overall.ERROR === 0) return [];
  return [{ title: 'Errors count', text: `${percent(overall.ERROR / overall.total)} of all answers are errors or provider blocks; they stay in the denominator.`, href: '/?excludeBlocked=1' }];
}

/** Headline numbers and findings computed from the data. */
export async function loadOverview(store: CandorStore, catalog: QuestionCatalog, query: ExplorerQuery): Promise<OverviewResponse> {
  const [counts, overallRows, judges, sets] = await Promise.all([
    store.counts(),
    rateReport(store, { groupBy: [], judge: query.judge, excludeBlocked: query.excludeBlocked, filters: query.filters }),
    judgeShares(store, query),
    store.listQuestionSets(),
  ]);
  const overall = overallRows[0] ? toRateCells(overallRows[0]) : emptyRateCells();
  const findings = [...(await modelFindings(store, query)), ...(await countryFindings(store, query)), ...blockedFinding(overall)];
  return {
    counts,
    overall,
    judges,
    sets: sets.map((set) => ({ name: set.name, questions: set.questionCount, language: set.language })),
    findings: catalog.all.length === 0 ? [] : findings,
  };
}
