import type { Command } from 'commander';
import type { CommandPlace } from '../command-groups.js';
import { formatRows } from '../../reports/index.js';
import type { CliIo } from '../cli-io.js';
import { parseOutputFormat } from '../parse-output-format.js';
import { withExistingStore } from '../with-store.js';
import { formatOption, shared, TABLE_FORMATS } from '../cli-options.js';

/** `candor run list` (formerly `candor runs`). */
export function registerRunsCommand(parent: Command, io: CliIo, place: CommandPlace = { name: 'list' }): Command {
  return parent
    .command(place.name, { hidden: place.hidden })
    .description('runs in the store with their outcome counts per status')
    .addOption(formatOption(TABLE_FORMATS, 'table'))
    .addOption(shared('db'))
    .action(async (options: { format?: string; db?: string }) => {
      const format = parseOutputFormat(options.format);
      await withExistingStore(options.db, io, async (store) => {
        const runs = await store.listRuns();
        if (format === 'json') {
          io.stdout.write(
            JSON.stringify(
              runs.map((run) => ({
                run_id: run.id,
                model: run.modelId,
                provider: run.provider,
                provider_route: run.providerRoute,
                set: run.setName,
                state: run.state,
                created_at: run.createdAt,
                finished_at: run.finishedAt,
                responses: run.responses,
                statuses: run.statusCounts,
                settings: run.settings,
              })),
              null,
              2,
            ) + '\n',
          );
          return;
        }
        const rows = runs.map((run) => ({
          run: run.id,
          model: run.modelId,
          set: run.setName,
          state: run.state,
          responses: run.responses,
          statuses: Object.entries(run.statusCounts)
            .map(([status, count]) => `${status}:${count}`)
            .join(' '),
        }));
        io.stdout.write(
          formatRows(
            rows,
            [
              { key: 'run', header: 'run', kind: 'text' },
              { key: 'model', header: 'model', kind: 'text' },
              { key: 'set', header: 'set', kind: 'text' },
              { key: 'state', header: 'state', kind: 'text' },
              { key: 'responses', header: 'responses', kind: 'integer' },
              { key: 'statuses', header: 'statuses', kind: 'text' },
            ],
            format,
          ),
        );
      });
    });
}
