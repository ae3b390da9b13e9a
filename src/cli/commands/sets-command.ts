import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  findBuiltinSet,
  listBuiltinSets,
  loadBuiltinSet,
  readQuestionFile,
  validateQuestionFile,
  type QuestionFileOptions,
} from '../../datasets/index.js';
import { formatRows } from '../../reports/index.js';
import { NotFoundError, UsageError } from '../../core/index.js';
import type { CliIo } from '../cli-io.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withStore } from '../with-store.js';
import { downloadQuestionFile } from '../download-question-file.js';
import { registerSetsGenerateCommand } from './sets-generate-command.js';
import { registerSetsTranslateCommand } from './sets-translate-command.js';
import { formatOption, shared, TABLE_FORMATS } from '../cli-options.js';

const FILE_FORMATS = ['auto', 'speechmap', 'candor-jsonl', 'candor-csv'] as const;

function fileOptions(options: { as?: string; setName?: string }): QuestionFileOptions {
  const format = options.as ?? 'auto';
  if (!(FILE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--as must be one of ${FILE_FORMATS.join(', ')} (got "${format}")`);
  }
  return { format: format as QuestionFileOptions['format'], setName: options.setName };
}

export function registerSetsCommand(program: Command, io: CliIo): void {
  const sets = program.command('sets').description('question sets: list, show, validate, import, translate, generate');
  sets
    .command('list')
    .description('question sets in the store')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .action(async (options: { format?: string; db?: string }) => {
      const format = parseOutputFormat(options.format);
      await withStore(options.db, io, async (store) => {
        const stored = await store.listQuestionSets();
        const rows: {
          name: string;
          questions: number | null;
          language: string | null;
          format: string;
          source: string | null;
          content_hash: string | null;
        }[] = stored.map((set) => ({
          name: set.name,
          questions: set.questionCount,
          language: set.language,
          format: set.format,
          source: set.source,
          content_hash: set.contentHash.slice(0, 12),
        }));
        for (const builtin of listBuiltinSets()) {
          if (stored.some((set) => set.name === builtin.name)) continue;
          rows.push({
            name: builtin.name,
            questions: null,
            language: builtin.language,
            format: 'built-in',
            source: 'built-in (stored when first used)',
            content_hash: null,
          });
        }
        io.stdout.write(
          formatRows(
            rows,
            [
              { key: 'name', header: 'set', kind: 'text' },
              { key: 'questions', header: 'questions', kind: 'integer' },
              { key: 'language', header: 'language', kind: 'text' },
              { key: 'format', header: 'format', kind: 'text' },
              { key: 'content_hash', header: 'hash', kind: 'text' },
              { key: 'source', header: 'source', kind: 'text' },
            ],
            format,
          ),
        );
      });
    });
  sets
    .command('show <name>')
    .description('every question of a stored set, with all its fields')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .action(async (name: string, options: { format?: string; db?: string }) => {
      const format = parseOutputFormat(options.format);
      await withStore(options.db, io, async (store) => {
        let questions = await store.getQuestions(name);
        if (questions.length === 0 && findBuiltinSet(name.replace(/^builtin:/, ''))) {
          questions = (await loadBuiltinSet(name.replace(/^builtin:/, ''))).questions;
        }
        if (questions.length === 0) throw new NotFoundError(`question set "${name}"`, 'see `candor sets list`');
        if (format === 'json') {
          io.stdout.write(JSON.stringify(questions, null, 2) + '\n');
          return;
        }
        const rows = questions.map((question) => ({
          id: question.id,
          theme: question.theme,
          variation: question.variation,
          domain: question.domain,
          country: question.targetCountry,
          template: question.templateId,
          language: question.language,
          text: question.text,
        }));
        const keys = ['id', 'theme', 'variation', 'domain', 'country', 'template', 'language', 'text'] as const;
        io.stdout.write(
          formatRows(
            rows,
            keys.map((key) => ({ key, header: key, kind: 'text' as const })),
            format,
          ),
        );
      });
    });
  sets
    .command('validate <files...>')
    .description('check question files; prints every problem with file:line')
    .option('--as <format>', `file format: ${FILE_FORMATS.join(', ')}`, 'auto')
    .addOption(shared('setName', { description: 'name of the set to write (default: from the rows or the file name)' }))
    .action(async (files: string[], options: { as?: string; setName?: string }) => {
      let problems = 0;
      for (const file of files) {
        const validation = await validateQuestionFile(file, fileOptions(options));
        for (const problem of validation.problems) io.stderr.write(`${problem.message}\n`);
        problems += validation.problems.length;
        if (validation.input) {
          io.stdout.write(
            `${file}: ok, set "${validation.input.set.name}", ${validation.input.questions.length} questions\n`,
          );
        }
      }
      if (problems > 0) throw new UsageError(`${problems} problem${problems === 1 ? '' : 's'} found`);
    });
  sets
    .command('import <file-url-or-builtin>')
    .description(
      'import a question file (Candor JSONL or CSV, or SpeechMap JSONL) by path or URL, or a built-in set; all or nothing',
    )
    .option('--as <format>', `file format: ${FILE_FORMATS.join(', ')}`, 'auto')
    .addOption(shared('setName', { description: 'name of the set to write (default: from the rows or the file name)' }))
    .addOption(shared('db'))
    .action(async (file: string, options: { as?: string; setName?: string; db?: string }) => {
      const builtin = findBuiltinSet(file.replace(/^builtin:/, ''));
      const isUrl = /^https?:\/\//i.test(file);
      const input =
        builtin && !existsSync(file)
          ? await loadBuiltinSet(builtin.name)
          : await readQuestionFile(isUrl ? await downloadQuestionFile(file) : file, fileOptions(options));
      if (isUrl) input.set = { ...input.set, source: file };
      await withStore(options.db, io, async (store) => {
        const result = await store.putQuestionSet(input.set, input.questions);
        io.stdout.write(
          `set "${input.set.name}": ${result.inserted} new, ${result.updated} updated, ${result.unchanged} unchanged questions\n`,
        );
      });
    });
  registerSetsTranslateCommand(sets, io);
  registerSetsGenerateCommand(sets, io);
}
