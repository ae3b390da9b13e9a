export { JudgeAbstainedError, JudgeUnavailableError, type Judge, type JudgeInput, type JudgeVerdict } from './judge.js';
export { labelForStatus } from './label-for-status.js';
export { buildJudgePrompt, hashTemplate } from './llm/build-judge-prompt.js';
export { CANDOR_RUBRIC_TEMPLATE, CANDOR_RUBRIC_VERSION } from './llm/candor-rubric.js';
export { createLlmJudge, type JudgeCompletion, type LlmJudgeOptions } from './llm/create-llm-judge.js';
export { fenceNonce, neutralizeFencedText } from './llm/fence-untrusted-text.js';
export { parseJudgeOutput, type ParsedJudgeOutput } from './llm/parse-judge-output.js';
export { createEnsembleJudge } from './ensemble/create-ensemble-judge.js';
export { createStoredJudge, type StoredLabel } from './stored/create-stored-judge.js';
