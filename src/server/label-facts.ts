import type { LabelCountQuery, LabelCountRow, LabelRow, LabelRowQuery, ReportDimension } from '../store/index.js';

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

const DIMENSION_FIELDS: Record<ReportDimension, (row: LabelRow) => string | null> = {
  model: (row) => row.model,
  creator: (row) => row.creator,
  set: (row) => row.set,
  domain: (row) => row.domain,
  theme: (row) => row.theme,
  variation: (row) => row.variation,
  language: (row) => row.language,
  country: (row) => row.country,
  template: (row) => row.templateId,
  route: (row) => row.route,
  provider: (row) => row.provider,
  run: (row) => row.runId,
  judge: (row) => row.judgeId,
};
const DIMENSIONS = Object.keys(DIMENSION_FIELDS) as ReportDimension[];
const EXTRA_FIELDS = ['questionId', 'releaseDate', 'translationOfSet', 'translationOfId', 'status', 'receivedAt', 'label', 'judgeVersion'] as const;
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

interface Column {
  dictionary: Dictionary;
  /** Row codes; only the first `size` entries are rows. */
  codes: Int32Array;
}

/** Encodes label rows into columns (the rows can be dropped afterwards). */
export function buildLabelFacts(rows: readonly LabelRow[]): LabelFacts {
  const builder = createLabelFactsBuilder(rows.length);
  for (const row of rows) builder.add(row);
  return builder.finish();
}

/**
 * Encodes rows as they arrive (from `store.forEachLabelRow`), so a million rows never exist as
 * objects at once: columns start at `capacity` and double when full.
 */
export function createLabelFactsBuilder(capacity = 1024): { add: (row: LabelRow) => void; finish: () => LabelFacts } {
  let size = 0;
  let room = Math.max(16, capacity);
  const column = (): Column => ({ dictionary: new Dictionary(), codes: new Int32Array(room) });
  const dimensions = Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, column()])) as Record<ReportDimension, Column>;
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
      for (const dimension of DIMENSIONS) dimensions[dimension].codes[size] = dimensions[dimension].dictionary.encode(DIMENSION_FIELDS[dimension](row));
      for (const field of EXTRA_FIELDS) extras[field].codes[size] = extras[field].dictionary.encode(row[field]);
      responseIds[size] = row.responseId;
      samples[size] = row.sample;
      size += 1;
    },
    finish: () => factsOver(size, dimensions, extras, responseIds, samples),
  };
}

function factsOver(
  size: number,
  dimensions: Record<ReportDimension, Column>,
  extras: Record<ExtraField, Column>,
  responseIds: Float64Array,
  samples: Int32Array,
): LabelFacts {
  const moderation = extras.status.dictionary.codeOf('moderation') ?? -1;
  const moderationLabel = extras.label.dictionary.codeOf('ERROR_MODERATION') ?? -1;

  /** Indices of the rows a query selects, or an empty list when a filter value is unknown. */
  function select(query: Omit<LabelCountQuery, 'groupBy'>, visit: (index: number) => boolean | void): void {
    const masks: [Int32Array, Uint8Array][] = [];
    for (const [dimension, value] of Object.entries(query.filters ?? {}) as [ReportDimension, string | readonly string[]][]) {
      const values = typeof value === 'string' ? [value] : [...value];
      if (values.length === 0) continue;
      const { dictionary, codes } = dimensions[dimension];
      const mask = new Uint8Array(dictionary.values.length);
      let any = false;
      for (const candidate of values) {
        const code = dictionary.codeOf(candidate);
        if (code !== undefined) {
          mask[code] = 1;
          any = true;
        }
      }
      if (!any) return;
      masks.push([codes, mask]);
    }
    const status = extras.status.codes;
    const label = extras.label.codes;
    rows: for (let index = 0; index < size; index += 1) {
      if (query.excludeBlocked && (status[index] === moderation || label[index] === moderationLabel)) continue;
      for (const [codes, mask] of masks) if (mask[codes[index]!] === 0) continue rows;
      if (visit(index) === false) return;
    }
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
      const numeric = columns.reduce((product, { dictionary }) => product * dictionary.values.length, 1) < Number.MAX_SAFE_INTEGER;
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
