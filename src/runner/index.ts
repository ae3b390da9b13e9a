export { toGenerateRequest, withExtraBody, type CollectionSettings } from './collection-settings.js';
export { createRunRecord, gitCommit, newRunId } from './create-run-record.js';
export { estimateRequestTokens } from './estimate-request-tokens.js';
export { ask, DEFAULT_RETRY_POLICY, planAsk, type Answer, type RetryNotice, type RetryPolicy } from './ask.js';
export { executeRun, type ExecuteRunOptions } from './execute-run.js';
export { createOutcomeWriter, type OutcomeWriter } from './outcome-writer.js';
export { planWork, workKey, type WorkItem } from './plan-work.js';
export { costFromUsage, DEFAULT_PRICES, findPrice, type TokenPrice } from './price-table.js';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimits,
  createSharedRateLimiter,
  type SharedRateLimiterOptions,
  rateLimitKey,
} from './rate-limiter.js';
export {
  watchDeterministicRefusals,
  describeRefusal,
  REFUSALS_BEFORE_STOP,
  type RefusalWatch,
} from './watch-deterministic-refusals.js';
export {
  createModelJudge,
  JudgeRefusedError,
  judgeRequest,
  judgeVersion,
  type JudgeModelSettings,
  type ModelJudgeOptions,
} from './create-model-judge.js';
export { judgeResponses, type JudgeResponsesOptions, type JudgeResponsesSummary } from './judge-responses.js';
export { runWorker, type RunWorkerOptions } from './run-worker.js';
export { DEFAULT_RUN_GUARDS, runGuardsOf, type GuardReason, type RunGuards } from './run-guards.js';
export type { CreateWorkerModel } from './worker-run-context.js';
export { runJudgeWorker, type RunJudgeWorkerOptions } from './run-judge-worker.js';
export { createJudgeSpecCache, type ResolveJudgeSpec } from './judge-spec-cache.js';
export type {
  AuthoringSummary,
  EngineEvent,
  JudgeWorkerSummary,
  RunExecutionSummary,
  StopReason,
  WorkerSummary,
} from './engine-events.js';
