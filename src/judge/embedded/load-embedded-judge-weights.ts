import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { decodeEmbeddedJudgeWeights, type EmbeddedJudgeWeights } from './embedded-judge-weights.js';

const WEIGHTS_FILE = 'embedded-judge-weights.json.gz';

/**
 * Where the committed weights are: beside this module when run from source (tsx, vitest), or back
 * in src/ when run from the compiled dist/judge/embedded/ (tsc does not copy data files).
 */
function defaultWeightsPath(): string {
  const beside = fileURLToPath(new URL(`./${WEIGHTS_FILE}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const source = fileURLToPath(new URL(`../../../src/judge/embedded/${WEIGHTS_FILE}`, import.meta.url));
  if (existsSync(source)) return source;
  throw new Error(
    `embedded judge: ${WEIGHTS_FILE} not found beside ${beside}; run "npx tsx scripts/train-embedded-judge.ts" or pass weightsPath`,
  );
}

const cache = new Map<string, EmbeddedJudgeWeights>();

/** Reads (gunzipping a `.gz` file) and decodes the weights synchronously, once per path. */
export function loadEmbeddedJudgeWeights(path: string = defaultWeightsPath()): EmbeddedJudgeWeights {
  let weights = cache.get(path);
  if (weights === undefined) {
    const bytes = readFileSync(path);
    weights = decodeEmbeddedJudgeWeights((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
    cache.set(path, weights);
  }
  return weights;
}
