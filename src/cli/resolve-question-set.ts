import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { NotFoundError, type Question, type QuestionSet } from '../core/index.js';
import { findBuiltinSet, loadBuiltinSet, readQuestionFile } from '../datasets/index.js';
import type { CandorStore } from '../store/index.js';

/**
 * `--set` as a file (read, validated and stored first), the name of a stored set, or the name of
 * a built-in set (`candor_world`, optionally written `builtin:candor_world`; stored first).
 */
export async function resolveQuestionSet(
  store: CandorStore,
  setOption: string,
  cwd: string,
): Promise<{ set: QuestionSet; questions: Question[] }> {
  const path = resolve(cwd, setOption);
  if (existsSync(path)) {
    const input = await readQuestionFile(path);
    await store.putQuestionSet(input.set, input.questions);
    return { set: input.set, questions: await store.getQuestions(input.set.name) };
  }
  const builtinName = setOption.replace(/^builtin:/, '');
  const summary = (await store.listQuestionSets()).find((set) => set.name === setOption);
  if (!summary && findBuiltinSet(builtinName)) {
    const input = await loadBuiltinSet(builtinName);
    await store.putQuestionSet(input.set, input.questions);
    return { set: input.set, questions: await store.getQuestions(input.set.name) };
  }
  if (!summary) {
    throw new NotFoundError(
      `question set or file "${setOption}"`,
      'pass a question file, a stored set name or a built-in set (see `candor sets list`)',
    );
  }
  return { set: summary, questions: await store.getQuestions(setOption) };
}
