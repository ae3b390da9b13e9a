export { buildRateRows, byRateRankedFirst, groupRows, rateOfRow, rateReport, type RateReportOptions, type RateRow } from './rates.js';
export { differenceIntervalText, rateColumns, rateIntervalText, rateRowOutput, type RateRowOutput } from './format/rate-output.js';
export type { Column, ColumnKind } from './format/format-rows.js';
export { formatCell } from './format/format-rows.js';
export { formatRows } from './format/format-rows.js';
export { OUTPUT_FORMATS, isOutputFormat, type OutputFormat } from './format/format-rows.js';
export { languageGap, type LanguageDifference, type LanguageGap, type LanguageGapRow, type LanguageRate } from './language-gap.js';
export { pairedRateComparison, type PairedRateComparison } from './pair-label-rows.js';
export { pairLabelRows, questionKey, pairedQuestion, type LabelRowPair, type PairedLabelRows, type PairOptions } from './pair-label-rows.js';
export { COMPARE_GROUP_FIELDS, DIMENSION_FIELDS, dimensionValue, isCompareGroupBy, JUDGE_RATE_GROUP_FIELDS, type CompareGroupBy, type JudgeRateGroupBy } from './dimensions.js';
export { compareLabelRows, type CompareGroup, type CompareResult, type FlippedQuestion } from './compare-label-rows.js';
export { compareSides, describeSide, MIN_PAIRS, sideFilters, type CompareReport, type CompareSide, type CompareSidesOptions } from './compare-sides.js';
export { compareJson, compareRow, flippedRows, formatCompareReport, type CompareRow, type FlippedRow, type FormatCompareOptions } from './compare-output.js';
export { entitySwap, type EntitySwap, type EntitySwapOptions, type SwapAsymmetryRow, type SwapRateRow } from './entity-swap.js';
export { formatEntitySwap, type SwapView } from './entity-swap-output.js';
export { templatedSets, setsByTemplateKind, type TemplateKind } from './entity-swap.js';
export { phrasingSensitivity, type PhrasingGroupBy, type PhrasingRateRow, type PhrasingSensitivity, type PhrasingSpreadRow } from './phrasing-sensitivity.js';
export { formatPhrasingSensitivity, type PhrasingView } from './phrasing-output.js';
export { questionContention, type ContentionOptions, type ContentionRow } from './question-contention.js';
export { CONTENTION_COLUMNS } from './question-contention.js';
export {
  formatJudgeAwareRates,
  judgeAwareRate,
  judgeAwareRates,
  measureJudgeConfusion,
  type CorrectedRate,
  type JudgeAwareContext,
  type JudgeAwareRate,
  type JudgeAwareRateRow,
  type MeasuredConfusion,
} from './judge-aware-rates.js';
export { modelRates, dateMilliseconds, MONTH_MILLISECONDS, type ModelRate } from './timelines.js';
export { releaseTimeline, type ReleaseTimeline, type ReleaseTimelineRow } from './timelines.js';
export { testDateTimeline, type TestDateRow } from './timelines.js';
export { LAB_INDEX_COLUMNS, labIndex, labIndexWeights, type LabIndex, type LabIndexOptions, type LabIndexRow } from './lab-index.js';
export { RELEASE_TIMELINE_COLUMNS, TEST_DATE_COLUMNS } from './timelines.js';
export { LENSES, DEFAULT_LENS, INCOMPLETE_MISSING_SHARE, isLens, outcomeOf, isCounted, rateOf, describeLensRule, lensFrom, type Lens, type Outcome, type Rate } from './lens.js';
export { foldLabel, isCompleteLabel, countLabelGroups, LABEL_GROUPS, lensRows, shownUnder, type LensRows } from './lens.js';
export { comparableRanking, RANKING_RULE, type ComparableRanking } from './comparable-ranking.js';
export { checkNames, UnknownNameError, type NameKind, type NamesToCheck } from './check-names.js';
export { closestNames, editDistance } from './check-names.js';
