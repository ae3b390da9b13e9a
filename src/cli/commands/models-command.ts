import type { Command } from 'commander';
import { readModelFacts } from '../../datasets/index.js';
import { formatRows } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withStore } from '../with-store.js';
import { formatOption, shared, TABLE_FORMATS } from '../cli-options.js';

export function registerModelsCommand(program: Command, io: CliIo): void {
  const models = program.command('models').description('model facts: creator, family, release date, reasoning');
  models
    .command('import <file>')
    .description(
      'load model facts (JSONL: model, creator, family, release_date, reasoning); given facts replace stored ones',
    )
    .addOption(shared('db'))
    .action(async (file: string, options: { db?: string }) => {
      const facts = await readModelFacts(file);
      await withStore(options.db, io, async (store) => {
        const result = await store.transaction(async (writer) => {
          let inserted = 0;
          let updated = 0;
          for (const fact of facts) {
            const outcome = await writer.putModel(fact, { overwrite: true });
            if (outcome.inserted) inserted += 1;
            else if (outcome.updated) updated += 1;
          }
          return { inserted, updated };
        });
        io.stdout.write(
          `${facts.length} models read: ${result.inserted} new, ${result.updated} updated, ${facts.length - result.inserted - result.updated} unchanged\n`,
        );
      });
    });
  models
    .command('list')
    .description('list known models')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .action(async (options: { db?: string; format?: string }) => {
      const format = parseOutputFormat(options.format);
      await withStore(options.db, io, async (store) => {
        const rows = (await store.listModels()).map((model) => ({
          model: model.id,
          creator: model.creator,
          family: model.family,
          release_date: model.releaseDate,
          reasoning: model.reasoning === null ? null : model.reasoning ? 'yes' : 'no',
        }));
        io.stdout.write(
          formatRows(
            rows,
            [
              { key: 'model', header: 'model', kind: 'text' },
              { key: 'creator', header: 'creator', kind: 'text' },
              { key: 'family', header: 'family', kind: 'text' },
              { key: 'release_date', header: 'released', kind: 'text' },
              { key: 'reasoning', header: 'reasoning', kind: 'text' },
            ],
            format,
          ),
        );
      });
    });
}
