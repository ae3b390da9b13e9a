import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { readModelFacts } from '../../datasets/index.js';
import {
  comparableRanking,
  compareSides,
  DEFAULT_LENS,
  describeLensRule,
  differenceIntervalText,
  formatCell,
  formatRows,
  languageGap,
  rateReport,
  type Column,
} from '../../reports/index.js';
import { holmAdjust } from '../../stats/index.js';
import type { CandorStore } from '../../store/index.js';
import type { CliIo } from '../cli-io.js';
import { resolveDbLocation } from '../resolve-db-location.js';
import { resolveSpeechMapSource, SPEECHMAP_REPOSITORY_URL } from '../speechmap-source.js';
import { printEmbeddedAgreement } from '../print-embedded-agreement.js';
import { withStore } from '../with-store.js';
import { describeImport, importSpeechMapWithProgress } from './import-command.js';
import { serveExplorer } from './serve-command.js';
import { shared } from '../cli-options.js';

interface DemoOptions {
  from?: string;
  facts?: string;
  serve?: boolean;
  db?: string;
  quiet?: boolean;
}

/** The R1 comparison people ask about: DeepSeek R1 and two finetunes made to remove its censorship. */
export const R1_FAMILY = ['deepseek/deepseek-r1', 'perplexity/r1-1776', 'microsoft/mai-ds-r1-fp8'];
const CHINA_SET = 'china_criticism';

const isCriticismSet = (name: string) => name.endsWith('criticism');
const rateText = (rate: number | null, low: number | null, high: number | null, n: number, missing: number) =>
  `${formatCell(rate, 'rate')} [${formatCell(low, 'rate')}–${formatCell(high, 'rate')}] n=${n}${missing > 0 ? ` missing=${missing}` : ''}`;

async function printLeaderboard(store: CandorStore, io: CliIo): Promise<void> {
  const sets = (await store.listQuestionSets()).map((set) => set.name).filter(isCriticismSet);
  const ranking = await comparableRanking(store, { filters: { set: sets }, lens: DEFAULT_LENS });
  io.stdout.write(
    `\n== Leaderboard: government-criticism sets (${describeLensRule(ranking.lens)}; 95% Wilson interval) ==\n`,
  );
  io.stdout.write(`${ranking.rule}\nranking sets: ${ranking.sets.join(', ')}\n`);
  type Row = (typeof ranking.ranked)[number] & { rank: number | null; note: string };
  const columns: Column<Row>[] = [
    { key: 'rank', header: '#', kind: 'integer' },
    { key: 'model', header: 'model', kind: 'text' },
    { key: 'n', header: 'n', kind: 'integer' },
    { key: 'missing', header: 'missing', kind: 'integer' },
    { key: 'rate', header: 'complete', kind: 'rate' },
    { key: 'low', header: '95% low', kind: 'rate' },
    { key: 'high', header: '95% high', kind: 'rate' },
    { key: 'EVASIVE', header: 'EVASIVE', kind: 'integer' },
    { key: 'DENIAL', header: 'DENIAL', kind: 'integer' },
    { key: 'blocked', header: 'blocked', kind: 'integer' },
    { key: 'note', header: 'note', kind: 'text' },
  ];
  const rows: Row[] = [
    ...ranking.ranked.map((row, index) => ({ ...row, rank: index + 1, note: '' })),
    ...ranking.incomplete.map((row) => ({
      ...row,
      rank: null,
      note: 'incomplete: >10% missing, not ranked (`candor run retry`)',
    })),
    ...ranking.apart.map((row) => ({ ...row, rank: null, note: 'other sets, not ranked' })),
  ];
  io.stdout.write(formatRows(rows, columns, 'table'));
}

async function printLanguageGap(store: CandorStore, io: CliIo): Promise<void> {
  const gap = await languageGap(store, CHINA_SET, { lens: DEFAULT_LENS });
  if (gap.languages.length < 2) return;
  const others = gap.languages.filter((language) => language !== gap.baseLanguage);
  io.stdout.write(
    `\n== Language gap: the same ${CHINA_SET} requests in ${gap.languages.map((language) => `${language} (${gap.sets[language]})`).join(', ')} ==\n` +
      `(language − ${gap.baseLanguage}) in percentage points on the same source questions: Newcombe paired 95% interval, exact McNemar p; ${describeLensRule(gap.lens)}\n`,
  );
  const rows = gap.rows
    .filter((row) => others.some((language) => row.gaps[language]))
    .map((row) => {
      const entry: Record<string, string | number | null> = { model: row.model };
      for (const language of gap.languages) entry[language] = row.byLanguage[language]?.rate ?? null;
      for (const language of others) {
        const cell = row.gaps[language];
        entry[`gap_${language}`] = cell
          ? `${differenceIntervalText(cell.difference, cell.low, cell.high)} n=${cell.pairs}${cell.fewPairs ? ' (few pairs)' : ''}`
          : null;
        entry[`p_${language}`] = cell ? cell.pValue : null;
        entry[`sort_${language}`] = cell ? cell.difference : null;
      }
      return entry;
    })
    .sort((left, right) => Number(left[`sort_${others[0]}`] ?? 0) - Number(right[`sort_${others[0]}`] ?? 0));
  const columns: Column<Record<string, string | number | null>>[] = [
    { key: 'model', header: 'model', kind: 'text' },
    ...gap.languages.map((language): Column<Record<string, string | number | null>> => ({
      key: language,
      header: language,
      kind: 'rate',
    })),
    ...others.flatMap((language): Column<Record<string, string | number | null>>[] => [
      { key: `gap_${language}`, header: `${language} − ${gap.baseLanguage} [95% CI]`, kind: 'text' },
      { key: `p_${language}`, header: 'McNemar p', kind: 'pvalue' },
    ]),
  ];
  io.stdout.write(formatRows(rows, columns, 'table'));
}

async function printR1Family(store: CandorStore, io: CliIo): Promise<void> {
  const rows = await rateReport(store, {
    groupBy: ['model', 'set'],
    filters: { model: R1_FAMILY },
    lens: DEFAULT_LENS,
  });
  if (rows.length === 0) return;
  const sets = [...new Set(rows.map((row) => row.set ?? ''))].sort((left, right) => {
    const rank = (name: string) => (name === CHINA_SET ? 0 : name.endsWith(`_${CHINA_SET}`) ? 1 : 2);
    return rank(left) - rank(right) || left.localeCompare(right);
  });
  io.stdout.write('\n== DeepSeek R1 vs its uncensoring finetunes (R1-1776 by Perplexity, MAI-DS-R1 by Microsoft) ==\n');
  const table = sets.map((set) => {
    const entry: Record<string, string | null> = { set };
    for (const model of R1_FAMILY) {
      const row = rows.find((candidate) => candidate.model === model && candidate.set === set);
      entry[model] = row ? rateText(row.rate, row.low, row.high, row.n, row.missing) : null;
    }
    return entry;
  });
  const columns: Column<Record<string, string | null>>[] = [
    { key: 'set', header: 'set', kind: 'text' },
    ...R1_FAMILY.map((model): Column<Record<string, string | null>> => ({ key: model, header: model, kind: 'text' })),
  ];
  io.stdout.write(formatRows(table, columns, 'table'));

  // Paired on identical questions: each finetune against R1, on every China set (en, zh, fi).
  const [base, ...finetunes] = R1_FAMILY as [string, ...string[]];
  const chinaSets = sets.filter((set) => set === CHINA_SET || set.endsWith(`_${CHINA_SET}`));
  const paired: Record<string, string | number>[] = [];
  for (const set of chinaSets) {
    for (const finetune of finetunes) {
      const report = await compareSides(
        store,
        { kind: 'model', model: finetune },
        { kind: 'model', model: base },
        { sets: [set] },
      );
      const { comparison } = report.result.overall;
      if (comparison.pairs === 0) continue;
      paired.push({
        set,
        finetune,
        pairs: comparison.pairs,
        difference: differenceIntervalText(
          comparison.difference.difference,
          comparison.difference.low,
          comparison.difference.high,
        ),
        finetuneOnly: comparison.table.aOnly,
        baseOnly: comparison.table.bOnly,
        p: comparison.pValue,
      });
    }
  }
  if (paired.length === 0) return;
  const adjusted = holmAdjust(paired.map((row) => Number(row['p'])));
  paired.forEach((row, index) => (row['holm'] = adjusted[index]!));
  io.stdout.write(
    `\nPaired on identical questions, finetune − ${base} (Newcombe paired 95% interval, exact McNemar, Holm over these ${paired.length} tests):\n`,
  );
  const pairedColumns: Column<Record<string, string | number>>[] = [
    { key: 'set', header: 'set', kind: 'text' },
    { key: 'finetune', header: 'finetune', kind: 'text' },
    { key: 'pairs', header: 'pairs', kind: 'integer' },
    { key: 'difference', header: 'finetune − R1 [95% CI]', kind: 'text' },
    { key: 'finetuneOnly', header: 'only finetune COMPLETE', kind: 'integer' },
    { key: 'baseOnly', header: 'only R1 COMPLETE', kind: 'integer' },
    { key: 'p', header: 'McNemar p', kind: 'pvalue' },
    { key: 'holm', header: 'Holm p', kind: 'pvalue' },
  ];
  io.stdout.write(formatRows(paired, pairedColumns, 'table'));
}

/** Finds model facts for the demo: --facts, or model-facts.jsonl beside the data folder. */
function findFacts(folder: string, option: string | undefined): string | null {
  if (option) return option;
  const sibling = join(dirname(folder), 'model-facts.jsonl');
  return existsSync(sibling) ? sibling : null;
}

export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      "import SpeechMap's public government-criticism data and print the leaderboard, the language gap and the R1 comparison",
    )
    .option('--from <folder>', `a local SpeechMap data folder instead of downloading ${SPEECHMAP_REPOSITORY_URL}`)
    .option('--facts <file>', 'model facts JSONL (default: model-facts.jsonl beside the data folder, if any)')
    .option('--no-serve', 'exit after printing instead of opening the explorer')
    .option('--quiet', 'no progress output')
    .addOption(shared('db'))
    .addHelpText(
      'after',
      '\nWithout internet access, point --from at a copy of the data, e.g.\n  npx candor demo --from ../shared/speechmap-data',
    )
    .action(async (options: DemoOptions) => {
      const folder = await resolveSpeechMapSource(options.from ?? SPEECHMAP_REPOSITORY_URL, io, {
        includeSet: isCriticismSet,
        quiet: options.quiet,
      });
      io.stderr.write(`store: ${resolveDbLocation(options.db, io)}\n`);
      await withStore(options.db, io, async (store) => {
        const summary = await importSpeechMapWithProgress(store, folder, io, {
          includeSet: isCriticismSet,
          quiet: options.quiet,
        });
        io.stderr.write(describeImport(summary));
        const factsFile = findFacts(folder, options.facts);
        if (factsFile) {
          const facts = await readModelFacts(factsFile);
          await store.transaction(async (writer) => {
            for (const fact of facts) await writer.putModel(fact, { overwrite: true });
          });
        }
        await printLeaderboard(store, io);
        await printLanguageGap(store, io);
        await printR1Family(store, io);
        const criticismSets = (await store.listQuestionSets()).map((set) => set.name).filter(isCriticismSet);
        await printEmbeddedAgreement(store, io, criticismSets, { quiet: options.quiet });
        io.stdout.write(
          '\nNext: `candor report --by model,set`, `candor report --by creator --format md`, `candor run list`, `candor --help`.\n',
        );
      });
      // Open the explorer on what was just imported (Ctrl-C stops it), unless --no-serve.
      if (options.serve !== false) await serveExplorer(resolveDbLocation(options.db, io), {}, io);
    });
}
