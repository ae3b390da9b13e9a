import { UsageError } from '../core/index.js';
import type { CompareSide } from '../reports/index.js';
import { parseListOption } from './parse-list-option.js';

/** `run:<id>` → a run; `model@route` → a model through one upstream route; otherwise a model id. */
export function parseCompareSide(text: string): CompareSide {
  const value = text.trim();
  if (value === '') throw new UsageError('compare: a side is empty');
  if (value.startsWith('run:')) {
    const runId = value.slice('run:'.length);
    if (runId === '')
      throw new UsageError(
        'compare: "run:" needs a run id, e.g. run:speechmap:china_criticism:deepseek/deepseek-r1 (see `candor run list`)',
      );
    return { kind: 'run', runId };
  }
  const at = value.lastIndexOf('@');
  if (at === 0 || at === value.length - 1)
    throw new UsageError(`compare: "${value}" must be model@route with both parts`);
  if (at > 0) return { kind: 'route', model: value.slice(0, at), route: value.slice(at + 1) };
  return { kind: 'model', model: value };
}

/**
 * The two sides of `candor compare`: `A B`, or `MODEL --languages en,zh` (one model in two
 * languages), or `A B --languages en,zh` (A in the first language, B in the second).
 */
export function parseCompareSides(
  positionals: readonly string[],
  languagesOption: string | undefined,
): [CompareSide, CompareSide] {
  if (languagesOption === undefined) {
    if (positionals.length !== 2) {
      throw new UsageError(
        'compare needs two sides (models, model@route or run:<id>), or one model with --languages en,zh',
      );
    }
    return [parseCompareSide(positionals[0]!), parseCompareSide(positionals[1]!)];
  }
  const languages = parseListOption(languagesOption);
  if (languages.length !== 2)
    throw new UsageError(`--languages needs exactly two language tags, e.g. en,zh (got "${languagesOption}")`);
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError('compare --languages takes one model (or two: one per language)');
  const models = positionals.map((text) => {
    const side = parseCompareSide(text);
    if (side.kind !== 'model') throw new UsageError(`compare --languages: "${text}" must be a plain model id`);
    return side.model;
  });
  const firstModel = models[0]!;
  const secondModel = models[1] ?? firstModel;
  return [
    { kind: 'language', model: firstModel, language: languages[0]! },
    { kind: 'language', model: secondModel, language: languages[1]! },
  ];
}
