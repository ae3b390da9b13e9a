import { Option, type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { REASONING_SETTINGS } from '../providers/index.js';
import { JUDGE_SPEC_HELP, MODEL_SPEC_HELP } from '../specs/index.js';

/**
 * The options several commands share, declared once: one flag, one help text, one parser (in the
 * manner of vitest's cli-config). A command picks them by key with `addSharedOptions`. One name means
 * one thing everywhere; the old spelling of a renamed flag stays as a hidden alias for one release
 * (it still works, is left out of --help and prints a one-line note on stderr).
 *
 * `key` is where commander stores the value (what the command's action reads); it stays the old
 * attribute name where a flag was renamed, so a command body reads `options.model` for `--models`.
 */
export interface SharedOption {
  flags: string;
  description: string;
  key?: string;
  defaultValue?: string;
  /** Old spellings, hidden from --help, still accepted. */
  aliases?: string[];
}

const DB_DESCRIPTION = 'store: SQLite file or postgres:// URL (default $CANDOR_DB or ./candor.db)';

export const SHARED_OPTIONS = {
  db: { flags: '--db <path-or-url>', description: DB_DESCRIPTION },
  config: {
    flags: '--config <file>',
    description: 'JSON config: endpoints, prices, rateLimits, per-model settings (API keys come from the environment)',
  },
  /** The question set to ask (run). */
  set: {
    flags: '--set <file-or-name>',
    description:
      'the questions to ask: a question file (Candor JSONL/CSV, SpeechMap JSONL), a stored set or a built-in set',
  },
  /** The model to ask (run, sets generate, sets translate). */
  model: { flags: '--model <spec>', description: MODEL_SPEC_HELP },
  /** Row filter: only these models. */
  models: {
    flags: '--models <ids>',
    key: 'model',
    description: 'only these models (comma-separated model ids)',
    aliases: ['--model <ids>'],
  },
  /** Row filter: only these question sets. */
  sets: {
    flags: '--sets <names>',
    key: 'set',
    description: 'only these question sets (comma-separated)',
    aliases: ['--set <names>'],
  },
  /** The judge to run (a spec that builds one). */
  judge: { flags: '--judge <spec>', description: JUDGE_SPEC_HELP },
  /** Whose stored labels count. */
  judgedBy: {
    flags: '--judged-by <judge>',
    key: 'judge',
    description: "whose labels count (judge id, or id@version); default: each response's latest judgment",
    aliases: ['--judge <judge>'],
  },
  /** The name of a set a command writes. */
  setName: { flags: '--set-name <name>', description: 'name of the set to write', aliases: ['--set <name>'] },
  /** timeline: what the months are (not a grouping, so not --by). */
  axis: {
    flags: '--axis <axis>',
    key: 'by',
    description: 'release (model release date, from `candor models import`) or test-date (month the answers arrived)',
    defaultValue: 'release',
    aliases: ['--by <axis>'],
  },
  /** judge override: who decided (stored as the judge `human:<name>`). */
  labeller: {
    flags: '--labeller <name>',
    key: 'by',
    description: 'who decided (stored as the judge human:<name>)',
    defaultValue: 'human',
    aliases: ['--by <name>'],
  },
  /** Row filter: only this run. */
  run: { flags: '--run <run-id>', description: 'only this run' },
  baseUrl: {
    flags: '--base-url <url>',
    description: 'endpoint for openai-compatible: (or to override a vendor default)',
  },
  apiKeyEnv: {
    flags: '--api-key-env <name>',
    description: 'environment variable that holds the API key (default: the vendor’s, e.g. OPENROUTER_API_KEY)',
  },
  temperature: { flags: '--temperature <t>', description: 'sampling temperature (default: the provider’s)' },
  reasoning: { flags: '--reasoning <mode>', description: `${REASONING_SETTINGS.join(', ')} (default: send nothing)` },
  extraBody: {
    flags: '--extra-body <json>',
    description:
      'JSON object merged into every request body last, for vendor parameters Candor does not model (config: models.<spec>.extraBody)',
  },
  /** Network retries of one request. */
  maxAttempts: {
    flags: '--max-attempts <n>',
    description: 'attempts per request for retryable failures (429, 5xx, timeouts, resets)',
  },
  retryBaseMs: {
    flags: '--retry-base-ms <ms>',
    description: 'first backoff delay for 429/5xx/timeouts; doubles each attempt, with jitter (default 1000)',
  },
  /** Authoring: answers asked for one item until one passes validation (not network retries). */
  maxAnswers: {
    flags: '--max-answers <n>',
    key: 'maxAttempts',
    description: 'answers asked for per item when they fail validation (default 3)',
    aliases: ['--max-attempts <n>'],
  },
  rateWindowMs: {
    flags: '--rate-window-ms <ms>',
    description: 'with --enqueue: length of the shared rate-limit window --rpm counts in (default 60000)',
  },
  concurrency: { flags: '--concurrency <n>', description: 'requests in flight at once' },
  rpm: {
    flags: '--rpm <n>',
    description:
      "requests per minute for the provider (rolling window, never exceeded; default: the config's rateLimits)",
  },
  tpm: {
    flags: '--tpm <n>',
    description: "tokens per minute for the provider (prompt estimate + max tokens; default: the config's rateLimits)",
  },
} as const satisfies Record<string, SharedOption>;

export type SharedOptionName = keyof typeof SHARED_OPTIONS;

/** Old spellings used on this run of the CLI; main.ts prints one note each before the command runs. */
export const deprecationNotes = new Set<string>();

/** An option whose value lands under `key` (the attribute the command reads), whatever its flag. */
class KeyedOption extends Option {
  constructor(
    flags: string,
    description: string,
    private readonly key: string | undefined,
  ) {
    super(flags, description);
  }

  override attributeName(): string {
    return this.key ?? super.attributeName();
  }
}

/** An option built from the registry; its hidden aliases are added by `installAliases` once the program is built. */
export class SharedCommanderOption extends KeyedOption {
  constructor(
    readonly sharedName: SharedOptionName,
    description: string,
  ) {
    const spec: SharedOption = SHARED_OPTIONS[sharedName];
    super(spec.flags, description, spec.key);
  }
}

/** One shared option, for `.addOption(shared('db'))`; a command may give its own default or a more specific help text. */
export function shared(
  name: SharedOptionName,
  overrides: { defaultValue?: string; description?: string; required?: boolean } = {},
): Option {
  const spec: SharedOption = SHARED_OPTIONS[name];
  const option = new SharedCommanderOption(name, overrides.description ?? spec.description);
  const defaultValue = overrides.defaultValue ?? spec.defaultValue;
  if (defaultValue !== undefined) option.default(defaultValue);
  if (overrides.required) option.makeOptionMandatory();
  return option;
}

/** Adds, to every command using a renamed shared option, its old spelling: hidden, same value, a note on stderr. */
export function installAliases(command: Command): void {
  for (const option of [...command.options]) {
    if (!(option instanceof SharedCommanderOption)) continue;
    const spec: SharedOption = SHARED_OPTIONS[option.sharedName];
    const flag = spec.flags.split(' ')[0]!;
    for (const flags of spec.aliases ?? []) {
      const oldName = flags.split(' ')[0]!;
      const alias = new KeyedOption(flags, `old spelling of ${flag}`, option.attributeName()).hideHelp();
      alias.argParser((value: string) => {
        deprecationNotes.add(`candor: ${oldName} is now ${flag} here (the old spelling goes away in the next release)`);
        return value;
      });
      command.addOption(alias);
    }
  }
  for (const sub of command.commands) installAliases(sub);
}

/** `--format`: one flag; each command names the formats it can write (checked by the command, see parseOutputFormat). */
export function formatOption(formats: readonly string[], defaultValue: string): Option {
  const list = formats.length > 1 ? `${formats.slice(0, -1).join(', ')} or ${formats.at(-1)!}` : formats[0]!;
  return new Option('--format <format>', `output: ${list}`).default(defaultValue);
}

/** `--by`: one row group per value of a field (report takes several, comma-separated). */
export function byOption(
  choices: readonly string[],
  options: { defaultValue?: string; several?: boolean; note?: string } = {},
): Option {
  const what = options.several
    ? `group rows by these, comma-separated: ${choices.join(', ')}`
    : `one row group per value of: ${choices.join(', ')}`;
  const option = new Option(
    `--by <${options.several ? 'fields' : 'field'}>`,
    options.note ? `${what} (${options.note})` : what,
  );
  return options.defaultValue === undefined ? option : option.default(options.defaultValue);
}

/** The formats of the tables every analysis command writes. */
export const TABLE_FORMATS = ['table', 'json', 'csv', 'md'] as const;
/** The closing summary of a long command. */
export const SUMMARY_FORMATS = ['text', 'json'] as const;

/** A filter that takes one value in this command (e.g. `--models` on export): a list of several is a usage error. */
export function singleFilter(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const values = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (values.length > 1) throw new UsageError(`${flag} takes one value here (got ${values.length}: "${value}")`);
  return values[0];
}
