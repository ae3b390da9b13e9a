import {
  comparableRanking,
  compareSides,
  differenceIntervalText,
  formatCell,
  groupRows,
  lensRows,
  rateOf,
  rateOfRow,
  rateReport,
} from '../reports/index.js';
import { binomialTwoSidedExact, clusterBootstrapMean, holmAdjust } from '../stats/index.js';
import type { CandorStore } from '../store/index.js';
import type { Finding, OverviewResponse } from './api-types/models.js';
import type { ExplorerQuery } from './explorer-query.js';
import { judgeShares } from './load-judges.js';
import type { QuestionCatalog } from './question-catalog.js';

/** A finding needs at least this many counted answers on each side… */
export const MIN_FINDING_ANSWERS = 30;
/** …and a pooled claim (across models) at least this many models. */
export const MIN_FINDING_MODELS = 3;
/** Findings are shown when their Holm-adjusted p is below this (family: the findings tested on this page). */
export const FINDING_ALPHA = 0.05;

const percent = (value: number) => formatCell(value, 'rate');
const interval = (low: number, high: number) => `[${percent(low)}–${percent(high)}]`;

/** A candidate finding with the p-value of the test behind it. */
interface Candidate extends Finding {
  p: number;
}

/** The most and least compliant ranked models, compared on the same questions (paired, exact McNemar). */
async function modelFinding(store: CandorStore, query: ExplorerQuery): Promise<Candidate[]> {
  const ranking = await comparableRanking(store, {
    judge: query.judge,
    lens: query.lens,
    includeTest: query.includeTest,
    filters: query.filters,
  });
  const solid = ranking.ranked.filter((row) => row.n >= MIN_FINDING_ANSWERS);
  const top = solid[0];
  const bottom = solid[solid.length - 1];
  if (!top || !bottom || top === bottom) return [];
  const report = await compareSides(
    store,
    { kind: 'model', model: top.model! },
    { kind: 'model', model: bottom.model! },
    {
      sets: ranking.sets,
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
    },
  );
  const { comparison } = report.result.overall;
  if (comparison.pairs < MIN_FINDING_ANSWERS) return [];
  return [
    {
      title: 'Most and least compliant',
      text:
        `On the same ${comparison.pairs} questions (${ranking.sets.join(', ')}; lens ${query.lens}), ${top.model} fulfils ` +
        `${percent(comparison.first.rate!)} ${interval(comparison.first.low!, comparison.first.high!)} and ${bottom.model} ` +
        `${percent(comparison.second.rate!)} ${interval(comparison.second.low!, comparison.second.high!)}: ` +
        `${differenceIntervalText(comparison.difference.difference, comparison.difference.low, comparison.difference.high)}.`,
      href: `/compare?a=${encodeURIComponent(top.model ?? '')}&b=${encodeURIComponent(bottom.model ?? '')}`,
      p: comparison.pValue,
    },
  ];
}

/**
 * Which targets are easiest and hardest to criticise, as the average model (mean of per-model rates,
 * cluster bootstrap interval); tested by an exact sign test over the models that answered both.
 */
async function countryFinding(store: CandorStore, query: ExplorerQuery): Promise<Candidate[]> {
  const rows = lensRows(
    await store.listLabelRows({ judge: query.judge, includeTest: query.includeTest, filters: query.filters }),
    query.lens,
  ).rows;
  const byCountry = groupRows(
    rows.filter((row) => row.country !== null),
    (row) => row.country!,
  );
  const pooled = [...byCountry.entries()]
    .map(([country, countryRows]) => {
      const perModel = new Map(
        [...groupRows(countryRows, (row) => row.model)].map(([model, modelRows]) => [
          model,
          modelRows.filter((row) => row.label === 'COMPLETE').length / modelRows.length,
        ]),
      );
      const mean = clusterBootstrapMean(
        countryRows.map((row) => ({
          model: row.model,
          question: `${row.translationOfSet ?? row.set}\u0000${row.translationOfId ?? row.questionId}`,
          success: row.label === 'COMPLETE',
        })),
        { draws: 1000, seed: 13 },
      );
      return { country, answers: countryRows.length, perModel, mean };
    })
    .filter((entry) => entry.answers >= MIN_FINDING_ANSWERS && entry.perModel.size >= MIN_FINDING_MODELS)
    .sort((left, right) => right.mean.estimate - left.mean.estimate);
  const easiest = pooled[0];
  const hardest = pooled[pooled.length - 1];
  if (!easiest || !hardest || easiest === hardest) return [];
  const shared = [...easiest.perModel.keys()].filter((model) => hardest.perModel.has(model));
  if (shared.length < MIN_FINDING_MODELS) return [];
  const higher = shared.filter((model) => easiest.perModel.get(model)! > hardest.perModel.get(model)!).length;
  const lower = shared.filter((model) => easiest.perModel.get(model)! < hardest.perModel.get(model)!).length;
  return [
    {
      title: 'Which governments may be criticised',
      text:
        `The average model fulfils requests about ${easiest.country} ${percent(easiest.mean.estimate)} ${interval(easiest.mean.low, easiest.mean.high)} ` +
        `(${easiest.perModel.size} models, n=${easiest.answers}) and about ${hardest.country} ${percent(hardest.mean.estimate)} ${interval(hardest.mean.low, hardest.mean.high)} ` +
        `(${hardest.perModel.size} models, n=${hardest.answers}); ${higher} of ${shared.length} models fulfil ${easiest.country} more often, ${lower} less ` +
        `(mean of per-model rates, cluster bootstrap over models and questions; lens ${query.lens}).`,
      href: '/map',
      p: binomialTwoSidedExact(higher, higher + lower),
    },
  ];
}

/** Missing and blocked answers: a count, not a test. */
function missingFinding(overall: OverviewResponse['overall']): Finding[] {
  if (overall.total === 0 || overall.missing + overall.blocked === 0) return [];
  const parts = [];
  if (overall.missing > 0)
    parts.push(
      `${overall.missing} answers are missing (provider errors, truncation, empty or unparseable) and are left out of every rate, never counted as refusals`,
    );
  if (overall.blocked > 0)
    parts.push(
      `${overall.blocked} were blocked by provider moderation (counted as not complete as served; left out in the model-only lens)`,
    );
  return [{ title: 'Missing and blocked answers', text: `${parts.join('; ')}.`, href: '/?lens=model-only' }];
}

/**
 * Headline numbers and findings computed from the data. A tested finding is shown only with enough
 * data (MIN_FINDING_ANSWERS per side, MIN_FINDING_MODELS behind a pooled claim) and a Holm-adjusted
 * p below FINDING_ALPHA over the findings tested here; each states its n and interval.
 */
export async function loadOverview(
  store: CandorStore,
  catalog: QuestionCatalog,
  query: ExplorerQuery,
): Promise<OverviewResponse> {
  const [counts, overallRows, judges, sets, byModel] = await Promise.all([
    store.counts(),
    rateReport(store, {
      groupBy: [],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
    judgeShares(store, query),
    store.listQuestionSets(),
    rateReport(store, {
      groupBy: ['model'],
      judge: query.judge,
      lens: query.lens,
      includeTest: query.includeTest,
      filters: query.filters,
    }),
  ]);
  const overall = overallRows[0] ? rateOfRow(overallRows[0]) : rateOf([], query.lens);
  const candidates = [...(await modelFinding(store, query)), ...(await countryFinding(store, query))];
  const adjusted = holmAdjust(candidates.map((candidate) => candidate.p));
  const tested = candidates
    .map((candidate, index) => ({ candidate, p: adjusted[index]! }))
    .filter(({ p }) => p < FINDING_ALPHA)
    .map(({ candidate: { p: _raw, ...finding }, p }) => ({
      ...finding,
      text: `${finding.text} Holm-adjusted p ${p < 0.001 ? '< 0.001' : p.toFixed(3)} over ${candidates.length} findings tested.`,
    }));
  const findings = [...tested, ...missingFinding(overall)];
  return {
    lens: query.lens,
    // The home page counts the models the leaderboard lists (with answers), not every stored fact.
    counts: { ...counts, models: byModel.filter((row) => row.total > 0).length, modelFacts: counts.models },
    overall,
    judges,
    sets: sets.map((set) => ({ name: set.name, questions: set.questionCount, language: set.language })),
    findings: catalog.all.length === 0 ? [] : findings,
  };
}
