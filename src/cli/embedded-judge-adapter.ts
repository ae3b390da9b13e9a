import { CandorError } from '../core/index.js';
import type { Judge } from '../judge/index.js';
import type { ResolvedJudge } from './resolve-judge.js';

/** The offline embedded judge as a Judge. */
export function createEmbeddedJudgeAdapter(): Judge {
  throw new CandorError('judge_unavailable', 'the embedded judge is not built yet');
}

/** embedded → expensive cascade. */
export function createCascadeJudge(_expensive: Judge, _threshold: number): ResolvedJudge {
  throw new CandorError('judge_unavailable', 'the embedded judge is not built yet');
}
