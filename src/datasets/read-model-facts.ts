import { z } from 'zod';
import { InputError, type ModelFacts } from '../core/index.js';
import { readJsonLines } from './read-json-lines.js';

const modelFactsRowSchema = z.object({
  model: z.string().min(1, 'expected a non-empty model id'),
  creator: z.string().nullish(),
  family: z.string().nullish(),
  release_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
    // A real calendar day: 2025-13-45 and 2025-02-30 would silently drop the model from timeline and lab-index.
    .refine((value) => isCalendarDate(value), 'expected a real calendar date (YYYY-MM-DD)')
    .nullish(),
  reasoning: z.boolean().nullish(),
});

/**
 * Reads model facts (one JSON object per line: model, creator, family, release_date, reasoning),
 * the format of ../shared/model-facts.jsonl. Errors name file, line and field; duplicates are refused.
 */
export async function readModelFacts(path: string): Promise<ModelFacts[]> {
  const facts: ModelFacts[] = [];
  const seen = new Map<string, number>();
  for await (const { line, value } of readJsonLines(path)) {
    const parsed = modelFactsRowSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new InputError({ file: path, line, field: issue.path.join('.') || '(row)' }, issue.message);
    }
    const row = parsed.data;
    const earlier = seen.get(row.model);
    if (earlier !== undefined) {
      throw new InputError(
        { file: path, line, field: 'model' },
        `duplicate model "${row.model}" (first on line ${earlier})`,
      );
    }
    seen.set(row.model, line);
    facts.push({
      id: row.model,
      creator: row.creator ?? null,
      family: row.family ?? null,
      releaseDate: row.release_date ?? null,
      reasoning: row.reasoning ?? null,
    });
  }
  if (facts.length === 0) throw new InputError({ file: path }, 'no model facts in file');
  return facts;
}

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
