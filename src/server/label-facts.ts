import { DIMENSION_FIELDS, dimensionValue } from '../reports/index.js';
import type {
  CandorStore,
  LabelCountQuery,
  LabelCountRow,
  LabelRow,
  LabelRowQuery,
  ReportDimension,
} from '../store/index.js';
import { Dictionary, GroupTally } from './label-columns.js';

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

/** Below this many rows a full scan is as fast as an index; from it on, filters use posting lists. */
const POSTINGS_FROM = 4096;

export interface LabelFactsOptions {
  /** Row count from which filters read posting lists instead of scanning (tests set 0). */
  postingsFrom?: number;
}

/** Group keys up to this many use a dense slot table in countLabels (1 MB); more use a map. */
const DENSE_KEYS = 1 << 18;

/** Label counts kept per facts (queries), and the most groups one kept count may have. */
const COUNTS_KEPT = 64;
const COUNTS_KEPT_GROUPS = 20_000;

/** The candidate rows of a query and the filters each must pass. */
interface Selection {
  /** A posting list to read, or null: every row. */
  rows: Int32Array | null;
  /** Per filter: the column and a mask of the codes it keeps. */
  maskColumns: Int32Array[];
  masks: Uint8Array[];
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

  const labelCodes = extras.label.codes;

  /**
   * The rows a query selects: the candidates (a posting list, or every row when `rows` is null),
   * each kept when it passes the masks; null when a filter value is unknown (nothing selected).
   */
  function plan(query: Omit<LabelCountQuery, 'groupBy'>): Selection | null {
    const maskColumns: Int32Array[] = [];
    const masks: Uint8Array[] = [];
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
      if (matched.length === 0) return null;
      maskColumns.push(codes);
      masks.push(mask);
      if (size >= postingsFrom) {
        const { offsets } = postingsOf(dimension);
        const rows = matched.reduce((sum, code) => sum + offsets[code + 1]! - offsets[code]!, 0);
        if (driver === null || rows < driver.rows) driver = { dimension, codes: matched, rows };
      }
    }
    let rows: Int32Array | null = null;
    if (driver !== null && (driver.rows < size / 4 || postingsFrom === 0)) {
      const { offsets, rows: posted } = postingsOf(driver.dimension);
      rows =
        driver.codes.length === 1
          ? posted.subarray(offsets[driver.codes[0]!]!, offsets[driver.codes[0]! + 1]!)
          : Int32Array.from(
              driver.codes.flatMap((code) => [...posted.subarray(offsets[code]!, offsets[code + 1]!)]),
            ).sort();
    }
    return { rows, maskColumns, masks };
  }

  /** True when a candidate row passes the query's masks. */
  const passes = (selection: Selection, index: number): boolean => {
    const { maskColumns, masks } = selection;
    for (let filter = 0; filter < masks.length; filter += 1)
      if (masks[filter]![maskColumns[filter]![index]!] === 0) return false;
    return true;
  };

  /** Visits the selected rows, ascending, until `visit` returns false. */
  function select(query: Omit<LabelCountQuery, 'groupBy'>, visit: (index: number) => boolean | void): void {
    const selection = plan(query);
    if (selection === null) return;
    const { rows } = selection;
    const end = rows === null ? size : rows.length;
    for (let position = 0; position < end; position += 1) {
      const index = rows === null ? position : rows[position]!;
      if (passes(selection, index) && visit(index) === false) return;
    }
  }

  function count(query: LabelCountQuery): LabelCountRow[] {
    const groupBy = [...new Set(query.groupBy)];
    const columns = groupBy.map((dimension) => dimensions[dimension]);
    const keyColumns = columns.map(({ codes }) => codes);
    const radices = columns.map(({ dictionary }) => dictionary.values.length);
    const labelCount = extras.label.dictionary.values.length;
    const selection = plan(query);
    if (selection === null) return [];
    // Each group gets a slot, in first-seen order, and its counts a row of one flat array, so a
    // million rows allocate nothing per row. The slot comes from a dense table when the key space
    // is small, from a map of numeric keys when it fits a double exactly, of string keys otherwise.
    const tally = new GroupTally(labelCount);
    const keySpace = radices.reduce((product, radix) => product * radix, 1);
    if (keySpace < Number.MAX_SAFE_INTEGER) {
      const dense = keySpace <= DENSE_KEYS ? new Int32Array(keySpace).fill(-1) : null;
      const sparse = new Map<number, number>();
      const { rows } = selection;
      const end = rows === null ? size : rows.length;
      for (let position = 0; position < end; position += 1) {
        const index = rows === null ? position : rows[position]!;
        if (!passes(selection, index)) continue;
        let key = 0;
        for (let column = 0; column < keyColumns.length; column += 1)
          key = key * radices[column]! + keyColumns[column]![index]!;
        let slot = dense !== null ? dense[key]! : (sparse.get(key) ?? -1);
        if (slot < 0) {
          slot = tally.open(index);
          if (dense !== null) dense[key] = slot;
          else sparse.set(key, slot);
        }
        tally.add(slot, labelCodes[index]!);
      }
    } else {
      const slots = new Map<string, number>();
      select(query, (index) => {
        const key = keyColumns.map((codes) => codes[index]!).join(',');
        let slot = slots.get(key);
        if (slot === undefined) {
          slot = tally.open(index);
          slots.set(key, slot);
        }
        tally.add(slot, labelCodes[index]!);
      });
    }
    const { groups, firstRows, counts } = tally;
    const out: LabelCountRow[] = [];
    for (let slot = 0; slot < groups; slot += 1) {
      const row = firstRows[slot]!;
      const keys: LabelCountRow['keys'] = {};
      groupBy.forEach((dimension, position) => {
        keys[dimension] = columns[position]!.dictionary.values[keyColumns[position]![row]!] ?? null;
      });
      const byLabel: Record<string, number> = {};
      let total = 0;
      for (let code = 0; code < labelCount; code += 1) {
        const count = counts[slot * labelCount + code]!;
        if (count === 0) continue;
        byLabel[extras.label.dictionary.values[code] ?? 'null'] = count;
        total += count;
      }
      out.push({ keys, labels: byLabel, total });
    }
    return out;
  }

  const counted = new Map<string, LabelCountRow[]>();

  return {
    size,
    countLabels(query) {
      // The facts never change, so counts are kept per query (the lenses of a page share them); a
      // copy is returned, so a caller may change what it gets.
      const key = JSON.stringify([query.groupBy, query.filters ?? {}]);
      let rows = counted.get(key);
      if (rows === undefined) {
        rows = count(query);
        if (rows.length <= COUNTS_KEPT_GROUPS) {
          if (counted.size >= COUNTS_KEPT) counted.delete(counted.keys().next().value!);
          counted.set(key, rows);
        }
      }
      return rows.map((row) => ({ keys: { ...row.keys }, labels: { ...row.labels }, total: row.total }));
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
