import { InputError } from '../core/index.js';
import { assembleQuestionSet, type NumberedQuestion } from './assemble-question-set.js';
import { fileStem } from './file-stem.js';
import { CANDOR_QUESTION_FIELDS, parseCandorQuestionRow } from './parse-candor-question-row.js';
import { type CsvRecord, parseCsv } from './parse-csv.js';
import {
  type QuestionFileValidation,
  type QuestionReadOptions,
  type QuestionSetInput,
  questionSetOrThrow,
} from './question-set-input.js';
import { readTextFile } from './read-text-file.js';

const KNOWN_COLUMNS: readonly string[] = [...CANDOR_QUESTION_FIELDS, 'question'];

/** Reads a Candor CSV question file (header row required; `.csv` or `.csv.gz`) and throws the first problem. */
export async function readCandorCsv(path: string, options: QuestionReadOptions = {}): Promise<QuestionSetInput> {
  return questionSetOrThrow(await validateCandorCsv(path, options));
}

/**
 * Reads a Candor CSV question file and collects every problem. Same fields as the JSONL format;
 * `tags` is a `;`-separated list and `translation_of` a `set:id` string. Empty cells are absent values.
 */
export async function validateCandorCsv(
  path: string,
  options: QuestionReadOptions = {},
): Promise<QuestionFileValidation> {
  let records: CsvRecord[];
  try {
    records = parseCsv(await readTextFile(path), { source: path });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { problems: [error] };
  }
  const [header, ...dataRecords] = records;
  if (!header) return assembleQuestionSet({ path, format: 'candor-csv', rows: [], problems: [], setField: 'set' });

  const headerCheck = checkHeader(path, header);
  if (headerCheck.fatal) return { problems: headerCheck.problems };
  const columns = header.fields.map((name) => name.trim());
  const defaultSetName = options.setName ?? fileStem(path);
  const rows: NumberedQuestion[] = [];
  const problems = [...headerCheck.problems];
  for (const record of dataRecords) {
    if (record.fields.length !== columns.length) {
      problems.push(
        new InputError(
          { file: path, line: record.line },
          `has ${record.fields.length} fields but the header has ${columns.length}; quote fields that contain commas`,
        ),
      );
      continue;
    }
    const result = parseCandorQuestionRow(toRowRecord(columns, record.fields), {
      file: path,
      line: record.line,
      defaultSetName,
    });
    if (result.question) rows.push({ line: record.line, question: result.question });
    else problems.push(...result.problems);
  }
  return assembleQuestionSet({ path, format: 'candor-csv', rows, problems, setField: 'set' });
}

/**
 * A header without id or text (often: no header row at all) or with a repeated column stops the
 * read; unknown columns are problems too, but the rows are still checked.
 */
function checkHeader(path: string, header: CsvRecord): { problems: InputError[]; fatal: boolean } {
  const at = (field: string) => ({ file: path, line: header.line, field });
  const columns = header.fields.map((name) => name.trim());
  const missing: InputError[] = [];
  if (!columns.includes('id')) {
    missing.push(new InputError(at('id'), 'header has no "id" column; the first row must name the columns'));
  }
  if (columns.includes('text') && columns.includes('question')) {
    missing.push(new InputError(at('question'), 'give either a "text" or a "question" column, not both'));
  } else if (!columns.includes('text') && !columns.includes('question')) {
    missing.push(new InputError(at('text'), 'header has no "text" (or "question") column'));
  }
  if (missing.length > 0) return { problems: missing, fatal: true };

  const problems: InputError[] = [];
  let fatal = false;
  const seen = new Set<string>();
  for (const column of columns) {
    if (column !== '' && seen.has(column)) {
      problems.push(new InputError(at(column), 'column appears twice in the header'));
      fatal = true;
    }
    seen.add(column);
    if (column !== '' && !column.startsWith('_') && !KNOWN_COLUMNS.includes(column)) {
      problems.push(new InputError(at(column), `unknown column (known columns: ${CANDOR_QUESTION_FIELDS.join(', ')})`));
    }
  }
  return { problems, fatal };
}

function toRowRecord(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    if (!KNOWN_COLUMNS.includes(column)) return;
    const cell = cells[index]!;
    record[column] = column === 'tags' ? splitTags(cell) : cell;
  });
  return record;
}

function splitTags(cell: string): string[] {
  return cell
    .split(';')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
