export { EMPTY_CONFIG, loadCandorConfig, type CandorConfig } from './candor-config.js';
export {
  createCascadeJudge,
  createEmbeddedJudgeAdapter,
  JUDGE_SPEC_HELP,
  resolveJudge,
  type ResolvedJudge,
  type ResolveJudgeContext,
} from './judge-spec.js';
export { MODEL_SPEC_HELP, replayRunId, resolveModelSpec, type ResolveModelContext, type SpecIo } from './model-spec.js';
export { createReplayModel } from './replay-model.js';
export { createWorkerJudgeResolver } from './worker-judge-resolver.js';
