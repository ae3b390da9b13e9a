export { shouldEscalate, type CascadeThreshold } from './cascade-threshold.js';
export {
  createCascade,
  type Cascade,
  type CascadeCounts,
  type CascadeInput,
  type CascadeVerdict,
  type CheapJudge,
  type CheapVerdict,
  type ExpensiveJudge,
} from './create-cascade.js';
