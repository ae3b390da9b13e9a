import { UsageError } from '../../core/index.js';
import type { Command } from 'commander';
import { normalizeLanguageTag } from '../../datasets/index.js';
import { translateQuestionSet, translationSetName } from '../../runner/translate-question-set.js';
import type { CliIo } from '../cli-io.js';
import { resolveQuestionSet } from '../resolve-question-set.js';
import { withStore } from '../with-store.js';
import {
  addAuthoringOptions,
  authoringProgress,
  authoringSettings,
  reportAuthoring,
  type AuthoringCommandOptions,
} from './authoring-options.js';
import { writeQuestionJsonl } from './write-question-jsonl.js';

/** Registers `candor sets translate <set> --to <lang> --model <spec>`. */
export function registerSetsTranslateCommand(sets: Command, io: CliIo): void {
  const command = sets
    .command('translate <set>')
    .description(
      'machine-translate a set (stored, built-in or a file) through any provider into <lang>_<set>; resumable',
    )
    .option('--to <lang>', 'target language, a BCP 47 tag such as zh, fi, pt-BR');
  addAuthoringOptions(command).action(async (setOption: string, options: AuthoringCommandOptions & { to?: string }) => {
    if (!options.to) throw new UsageError('--to is required (a BCP 47 tag such as zh, fi or pt-BR)');
    const targetLanguage = normalizeLanguageTag(options.to);
    if (targetLanguage === null)
      throw new UsageError(`--to must be a BCP 47 language tag such as zh, fi or pt-BR (got "${options.to}")`);
    const settings = authoringSettings(options, io);
    await withStore(options.db, io, async (store) => {
      const source = await resolveQuestionSet(store, setOption, io.cwd);
      const progress = authoringProgress(io, 'translate', options.quiet);
      let summary;
      try {
        summary = await translateQuestionSet({
          store,
          source,
          targetLanguage,
          targetSetName: options.setName ?? translationSetName(targetLanguage, source.set.name),
          ...settings,
          signal: io.signal,
          onEvent: progress.onEvent,
        });
      } finally {
        progress.stop();
      }
      if (options.out) {
        const order = new Map(source.questions.map((question, index) => [question.id, index]));
        const questions = (await store.getQuestions(summary.setName)).sort(
          (left, right) => (order.get(left.id) ?? Infinity) - (order.get(right.id) ?? Infinity),
        );
        io.stderr.write(
          `wrote ${questions.length} questions to ${writeQuestionJsonl(options.out, io.cwd, questions)}\n`,
        );
      }
      reportAuthoring(io, summary, 'questions', options.format);
    });
  });
}
