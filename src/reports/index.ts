export {
  LENSES,
  DEFAULT_LENS,
  INCOMPLETE_MISSING_SHARE,
  isLens,
  outcomeOf,
  isCounted,
  shownUnder,
  rateOf,
  describeLensRule,
  lensFrom,
  type Lens,
  type Outcome,
  type Rate,
} from './lens.js';
export { foldLabel, isCompleteLabel, countLabelGroups, LABEL_GROUPS, lensRows, type LensRows } from './lens.js';
export {
  COMPARE_GROUP_FIELDS,
  DIMENSION_FIELDS,
  dimensionValue,
  isCompareGroupBy,
  JUDGE_RATE_GROUP_FIELDS,
  type CompareGroupBy,
  type JudgeRateGroupBy,
} from './dimensions.js';
export {
  buildRateRows,
  byRateRankedFirst,
  groupRows,
  rateOfRow,
  rateReport,
  type RateReportOptions,
  type RateRow,
} from './rates.js';
export { comparableRanking, RANKING_RULE, type ComparableRanking } from './comparable-ranking.js';
export {
  checkNames,
  closestNames,
  editDistance,
  UnknownNameError,
  type NameKind,
  type NamesToCheck,
} from './check-names.js';
export {
  formatCell,
  formatRows,
  isOutputFormat,
  OUTPUT_FORMATS,
  type Column,
  type ColumnKind,
  type OutputFormat,
} from './format/format-rows.js';
export {
  differenceIntervalText,
  rateColumns,
  rateIntervalText,
  rateRowOutput,
  type RateRowOutput,
} from './format/rate-output.js';
export {
  pairedQuestion,
  pairedRateComparison,
  pairLabelRows,
  questionKey,
  type LabelRowPair,
  type PairedLabelRows,
  type PairedRateComparison,
  type PairOptions,
} from './pair-label-rows.js';
export { compareLabelRows, type CompareGroup, type CompareResult, type FlippedQuestion } from './compare-label-rows.js';
export {
  compareSides,
  describeSide,
  MIN_PAIRS,
  sideFilters,
  type CompareReport,
  type CompareSide,
  type CompareSidesOptions,
} from './compare-sides.js';
export {
  compareJson,
  compareRow,
  flippedRows,
  formatCompareReport,
  type CompareRow,
  type FlippedRow,
  type FormatCompareOptions,
} from './compare-output.js';
export {
  languageGap,
  type LanguageDifference,
  type LanguageGap,
  type LanguageGapRow,
  type LanguageRate,
} from './language-gap.js';
export {
  entitySwap,
  setsByTemplateKind,
  templatedSets,
  type EntitySwap,
  type EntitySwapOptions,
  type SwapAsymmetryRow,
  type SwapRateRow,
  type TemplateKind,
} from './entity-swap.js';
export { formatEntitySwap, type SwapView } from './entity-swap-output.js';
export {
  phrasingSensitivity,
  type PhrasingGroupBy,
  type PhrasingRateRow,
  type PhrasingSensitivity,
  type PhrasingSpreadRow,
} from './phrasing-sensitivity.js';
export { formatPhrasingSensitivity, type PhrasingView } from './phrasing-output.js';
export { questionContention, type ContentionOptions, type ContentionRow } from './question-contention.js';
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
export {
  dateMilliseconds,
  modelRates,
  MONTH_MILLISECONDS,
  releaseTimeline,
  testDateTimeline,
  type ModelRate,
  type ReleaseTimeline,
  type ReleaseTimelineRow,
  type TestDateRow,
} from './timelines.js';
export { labIndex, labIndexWeights, type LabIndex, type LabIndexOptions, type LabIndexRow } from './lab-index.js';
export {
  LAB_INDEX_COLUMNS,
  labIndexOutput,
  RELEASE_TIMELINE_COLUMNS,
  releaseTimelineOutput,
  TEST_DATE_COLUMNS,
  testDateOutput,
} from './timeline-output.js';
