import type { Command } from 'commander';
import type { CommandPlace } from '../command-groups.js';
import { isResponseStatus, NotFoundError, UsageError } from '../../core/index.js';
import { workKey } from '../../runner/index.js';
import type { CliIo } from '../cli-io.js';
import { parseListOption } from '../parse-list-option.js';
import { withStore } from '../with-store.js';
import { addRunOptions, describeRun, executeRunCommand, runExitCode, type RunCommandOptions } from './run-command.js';

/** `candor run retry <run-id>` (formerly `candor retry`). */
export function registerRetryCommand(parent: Command, io: CliIo, place: CommandPlace = { name: 'retry' }): Command {
  const command = parent
    .command(`${place.name} <run-id>`, { hidden: place.hidden })
    .description(
      'ask again only the outcomes with the given statuses; the new answer supersedes the old (kept as history)',
    )
    .option('--statuses <list>', 'comma-separated statuses to re-ask', 'provider_error,empty,missing_content');
  return addRunOptions(command)
    .addHelpText(
      'after',
      '\nModeration and truncation are terminal: they are re-asked only when you name them.\nExample: candor run retry my-run --statuses provider_error,empty',
    )
    .action(async (runId: string, options: RunCommandOptions & { statuses: string }) => {
      const statuses = parseListOption(options.statuses);
      const unknown = statuses.filter((status) => !isResponseStatus(status));
      if (statuses.length === 0 || unknown.length > 0) {
        throw new UsageError(
          `--statuses: unknown status ${unknown.map((status) => `"${status}"`).join(', ') || '(none given)'}; use success, moderation, truncation, provider_error, empty, missing_content, unknown_shape`,
        );
      }
      await withStore(options.db, io, async (store) => {
        const run = await store.getRun(runId);
        if (!run) throw new NotFoundError(`run "${runId}"`, 'see `candor run list`');
        const current = await store.listResponses({ runId });
        const redo = new Set(
          current
            .filter((response) => statuses.includes(response.status))
            .map((response) => workKey(response.questionId, response.sample)),
        );
        io.stderr.write(`retry ${runId}: ${redo.size} outcomes with status ${statuses.join(', ')}\n`);
        const summary = await executeRunCommand(store, io, { ...options, resume: runId }, { redo, run });
        io.stdout.write(describeRun(summary, options.format));
        io.exitCode = runExitCode(summary);
      });
    });
}
