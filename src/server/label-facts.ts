import { DIMENSION_FIELDS, dimensionValue } from '../reports/index.js';
import type {
  CandorStore,
  LabelCountQuery,
  LabelCountRow,
  LabelRow,
  LabelRowQuery,
  ReportDimension,
} from '../store/index.js';

/**
 * Every current, judged response (latest judgment) as dictionary-encoded columns in memory: the
 * explorer's numbers are aggregations over these, a few milliseconds per million rows, instead of a
 * store query each (seconds on a million responses). Built from `listLabelRows`, so the semantics
 * are the store's own.
 */
export interface LabelFacts {
  size: number;
  countLabels(query: LabelCountQuery): LabelCountRow[];
  listLabelRows(query: LabelRowQuery): LabelRow[];
}

/** The dimensions of the one table (src/reports/dimensions.ts), each a dictionary-encoded column. */
const DIMENSIONS = Object.keys(DIMENSION_FIELDS) as ReportDimension[];
const EXTRA_FIELDS = [
  'questionId',
  'releaseDate',
  'translationOfSet',
  'translationOfId',
  'status',
  'receivedAt',
  'label',
  'judgeVersion',
] as const;
type ExtraField = (typeof EXTRA_FIELDS)[number];

/** A string column: code 0 is null. */
class Dictionary {
  readonly values: (string | null)[] = [null];
  private readonly codes = new Map<string, number>();
  encode(value: string | null): number {
    if (value === null) return 0;
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  codeOf(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** Below this many rows a full scan is as fast as an index; from it on, filters use posting lists. */
const POSTINGS_FROM = 4096;

export interface LabelFactsOptions {
  /** Row count from which filters read posting lists instead of scanning (tests set 0). */
  postingsFrom?: number;
}

interface Column {
  dictionary: Dictionary;
  /** Row codes; only the first `size` entries are rows. */
  codes: Int32Array;
}

/** Encodes label rows into columns (the rows can be dropped afterwards). */
export function buildLabelFacts(rows: readonly LabelRow[], options: LabelFactsOptions = {}): LabelFacts {
  const builder = createLabelFactsBuilder(rows.length, options);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

/**
 * Encodes rows as they arrive (from `store.forEachLabelRow`), so a million rows never exist as
 * objects at once: columns start at `capacity` and double when full.
 */
export function createLabelFactsBuilder(
  capacity = 1024,
  options: LabelFactsOptions = {},
): { add: (row: LabelRow) => void; finish: () => LabelFacts } {
  let size = 0;
  let room = Math.max(16, capacity);
  const column = (): Column => ({ dictionary: new Dictionary(), codes: new Int32Array(room) });
  const dimensions = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, column()])) as Record<
    ReportDimension,
    Column
  >;
  const extras = Object.fromEntries(EXTRA_FIELDS.map((field) => [field, column()])) as Record<ExtraField, Column>;
  let responseIds = new Float64Array(room);
  let samples = new Int32Array(room);
  const grow = () => {
    room *= 2;
    for (const entry of [...Object.values(dimensions), ...Object.values(extras)]) {
      const codes = new Int32Array(room);
      codes.set(entry.codes);
      entry.codes = codes;
    }
    const ids = new Float64Array(room);
    ids.set(responseIds);
    responseIds = ids;
    const sampleCodes = new Int32Array(room);
    sampleCodes.set(samples);
    samples = sampleCodes;
  };
  return {
    add(row) {
      if (size === room) grow();
      for (const dimension of DIMENSIONS)
        dimensions[dimension].codes[size] = dimensions[dimension].dictionary.encode(dimensionValue(row, dimension));
      for (const field of EXTRA_FIELDS) extras[field].codes[size] = extras[field].dictionary.encode(row[field]);
      responseIds[size] = row.responseId;
      samples[size] = row.sample;
      size += 1;
    },
    finish: () => factsOver(size, dimensions, extras, responseIds, samples, options.postingsFrom ?? POSTINGS_FROM),
  };
}

function factsOver(
  size: number,
  dimensions: Record<ReportDimension, Column>,
  extras: Record<ExtraField, Column>,
  responseIds: Float64Array,
  samples: Int32Array,
  postingsFrom: number,
): LabelFacts {
  const moderation = extras.status.dictionary.codeOf('moderation') ?? -1;
  const moderationLabel = extras.label.dictionary.codeOf('ERROR_MODERATION') ?? -1;

  /** Per dimension, built on first use: the rows of each code, ascending (CSR layout). */
  const postings = new Map<ReportDimension, { offsets: Int32Array; rows: Int32Array }>();
  const postingsOf = (dimension: ReportDimension) => {
    let entry = postings.get(dimension);
    if (!entry) {
      const { dictionary, codes } = dimensions[dimension];
      const offsets = new Int32Array(dictionary.values.length + 1);
      for (let index = 0; index < size; index += 1) offsets[codes[index]! + 1]! += 1;
      for (let code = 0; code < dictionary.values.length; code += 1) offsets[code + 1]! += offsets[code]!;
      const next = offsets.slice(0, -1);
      const rows = new Int32Array(size);
      for (let index = 0; index < size; index += 1) rows[next[codes[index]!]!++] = index;
      entry = { offsets, rows };
      postings.set(dimension, entry);
    }
    return entry;
  };

  /** Indices of the rows a query selects, ascending, or none when a filter value is unknown. */
  function select(query: Omit<LabelCountQuery, 'groupBy'>, visit: (index: number) => boolean | void): void {
    const masks: [Int32Array, Uint8Array][] = [];
    // The filter matching the fewest rows drives the scan: a model's page reads its own rows only.
    let driver: { dimension: ReportDimension; codes: number[]; rows: number } | null = null;
    for (const [dimension, value] of Object.entries(query.filters ?? {}) as [
      ReportDimension,
      string | readonly string[],
    ][]) {
      const values = typeof value === 'string' ? [value] : [...value];
      if (values.length === 0) continue;
      const { dictionary, codes } = dimensions[dimension];
      const mask = new Uint8Array(dictionary.values.length);
      const matched: number[] = [];
      for (const candidate of values) {
        const code = dictionary.codeOf(candidate);
        if (code !== undefined && mask[code] === 0) {
          mask[code] = 1;
          matched.push(code);
        }
      }
      if (matched.length === 0) return;
      masks.push([codes, mask]);
      if (size >= postingsFrom) {
        const { offsets } = postingsOf(dimension);
        const rows = matched.reduce((sum, code) => sum + offsets[code + 1]! - offsets[code]!, 0);
        if (driver === null || rows < driver.rows) driver = { dimension, codes: matched, rows };
      }
    }
    const status = extras.status.codes;
    const label = extras.label.codes;
    const consider = (index: number): boolean => {
      if (query.excludeBlocked && (status[index] === moderation || label[index] === moderationLabel)) return true;
      for (const [codes, mask] of masks) if (mask[codes[index]!] === 0) return true;
      return visit(index) !== false;
    };
    if (driver !== null && (driver.rows < size / 4 || postingsFrom === 0)) {
      const { offsets, rows } = postingsOf(driver.dimension);
      const chosen =
        driver.codes.length === 1
          ? rows.subarray(offsets[driver.codes[0]!]!, offsets[driver.codes[0]! + 1]!)
          : Int32Array.from(
              driver.codes.flatMap((code) => [...rows.subarray(offsets[code]!, offsets[code + 1]!)]),
            ).sort();
      for (let position = 0; position < chosen.length; position += 1) if (!consider(chosen[position]!)) return;
      return;
    }
    for (let index = 0; index < size; index += 1) if (!consider(index)) return;
  }

  return {
    size,
    countLabels(query) {
      const groupBy = [...new Set(query.groupBy)];
      const columns = groupBy.map((dimension) => dimensions[dimension]);
      const labels = extras.label;
      const groups = new Map<number | string, { codes: number[]; counts: Float64Array }>();
      const labelCount = labels.dictionary.values.length;
      // One number per group when the key space fits a double exactly; a string key otherwise.
      const numeric =
        columns.reduce((product, { dictionary }) => product * dictionary.values.length, 1) < Number.MAX_SAFE_INTEGER;
      select(query, (index) => {
        let key: number | string = 0;
        if (numeric) for (const { codes, dictionary } of columns) key = key * dictionary.values.length + codes[index]!;
        else key = columns.map(({ codes }) => codes[index]!).join(',');
        let group = groups.get(key);
        if (!group) {
          group = { codes: columns.map(({ codes }) => codes[index]!), counts: new Float64Array(labelCount) };
          groups.set(key, group);
        }
        const code = labels.codes[index]!;
        group.counts[code] = group.counts[code]! + 1;
      });
      return [...groups.values()].map(({ codes, counts }): LabelCountRow => {
        const keys: LabelCountRow['keys'] = {};
        groupBy.forEach((dimension, position) => {
          keys[dimension] = columns[position]!.dictionary.values[codes[position]!] ?? null;
        });
        const byLabel: Record<string, number> = {};
        let total = 0;
        counts.forEach((count, code) => {
          if (count === 0) return;
          byLabel[labels.dictionary.values[code] ?? 'null'] = count;
          total += count;
        });
        return { keys, labels: byLabel, total };
      });
    },
    listLabelRows(query) {
      const out: LabelRow[] = [];
      const value = (column: Column, index: number) => column.dictionary.values[column.codes[index]!] ?? null;
      select(query, (index) => {
        out.push({
          responseId: responseIds[index]!,
          runId: value(dimensions.run, index)!,
          model: value(dimensions.model, index)!,
          creator: value(dimensions.creator, index),
          releaseDate: value(extras.releaseDate, index),
          set: value(dimensions.set, index)!,
          questionId: value(extras.questionId, index)!,
          sample: samples[index]!,
          domain: value(dimensions.domain, index),
          theme: value(dimensions.theme, index),
          variation: value(dimensions.variation, index),
          language: value(dimensions.language, index)!,
          country: value(dimensions.country, index),
          templateId: value(dimensions.template, index),
          translationOfSet: value(extras.translationOfSet, index),
          translationOfId: value(extras.translationOfId, index),
          route: value(dimensions.route, index),
          provider: value(dimensions.provider, index)!,
          status: value(extras.status, index)!,
          receivedAt: value(extras.receivedAt, index),
          label: value(extras.label, index)!,
          judgeId: value(dimensions.judge, index)!,
          judgeVersion: value(extras.judgeVersion, index)!,
        });
        return query.limit === undefined || out.length < query.limit;
      });
      return out;
    },
  };
}

/**
 * The one place the explorer chooses between in-memory and SQL counting: the label facts hold the
 * latest judgment of every response outside test runs, so they answer the default lens; a chosen
 * judge or test runs go to the store's SQL.
 */
export function countsInMemory(query: Pick<LabelCountQuery, 'judge' | 'includeTest'>): boolean {
  return !query.judge && !query.includeTest;
}

/** Label counts and label rows, each from the facts or from the store as countsInMemory says. */
export interface LabelSource {
  countLabels: CandorStore['countLabels'];
  listLabelRows: CandorStore['listLabelRows'];
}

export function labelSource(store: CandorStore, facts: () => Promise<LabelFacts>): LabelSource {
  return {
    countLabels: async (query: LabelCountQuery) =>
      countsInMemory(query) ? (await facts()).countLabels(query) : store.countLabels(query),
    listLabelRows: async (query: LabelRowQuery) =>
      countsInMemory(query) ? (await facts()).listLabelRows(query) : store.listLabelRows(query),
  };
}

/**
 * The store as the explorer reads it: an object whose prototype is the store, with its own
 * `countLabels` and `listLabelRows` from labelSource (every other method is the store's own).
 */
export function withLabelFacts(store: CandorStore, facts: () => Promise<LabelFacts>): CandorStore {
  return Object.assign(Object.create(store) as CandorStore, labelSource(store, facts));
}
