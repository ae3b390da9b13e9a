// Fills a SQLite store with synthetic but realistically shaped data for explorer benchmarks:
// 300 models (30 creators), 2,120 questions (a 1,920-question set of 480 themes × 4 phrasings over
// 22 domains, and four 50-question criticism sets about CN, US, EU, RU), one run per model × set,
// `--responses` answers (extra samples when more than models × questions), one judgment each.
// Usage: tsx scripts/synthetic-explorer-store.ts --out /tmp/synthetic.db [--responses 1000000] [--models 300]
import { existsSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createSeededRandom } from '../src/stats/index.js';
import { openStore } from '../src/store/index.js';

const WORDS = [
  'government',
  'policy',
  'freedom',
  'history',
  'censorship',
  'protest',
  'economy',
  'rights',
  'law',
  'media',
  'election',
  'reform',
  'security',
  'citizens',
  'power',
  'accountability',
  'corruption',
  'speech',
  'press',
  'court',
  '政府',
  '自由',
  '审查',
  '台湾',
];
const LABELS = ['COMPLETE', 'EVASIVE', 'DENIAL'] as const;

/** Options of one synthetic store. */
export interface SyntheticOptions {
  out: string;
  responses: number;
  models: number;
  seed?: number;
}

/** Writes the synthetic store (replacing `out`) and returns the number of responses written. */
export async function writeSyntheticStore(options: SyntheticOptions): Promise<number> {
  for (const suffix of ['', '-wal', '-shm', '.search']) rmSync(`${options.out}${suffix}`, { force: true });
  const store = await openStore(options.out); // creates the schema at the current version
  await store.close();
  const random = createSeededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ');
  const db = new Database(options.out);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const now = '2026-01-01T00:00:00.000Z';

  const sets = [
    { name: 'synthetic_hard', count: 1920, country: null as string | null },
    { name: 'china_criticism', count: 50, country: 'CN' },
    { name: 'us_criticism', count: 50, country: 'US' },
    { name: 'eu_criticism', count: 50, country: 'EU' },
    { name: 'russia_criticism', count: 50, country: 'RU' },
  ];
  const questions: { set: string; id: string }[] = [];
  const models = Array.from({ length: options.models }, (_, index) => `creator-${index % 30}/model-${index}`);
  const baseRate = new Map(models.map((model) => [model, 0.3 + random() * 0.65]));

  db.transaction(() => {
    const putSet = db.prepare(
      'INSERT INTO question_sets (name, title, source, format, content_hash, question_count, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const putQuestion =
      db.prepare(`INSERT INTO questions (set_name, question_id, text, domain, theme, variation, target_country, language, template_id,
      tags, translation_of_set, translation_of_id, translation_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const set of sets) {
      putSet.run(set.name, null, 'synthetic', 'candor-jsonl', `hash-${set.name}`, set.count, now);
      for (let index = 0; index < set.count; index += 1) {
        const id = set.country ? `${set.name}_${index + 1}` : `theme_${Math.floor(index / 4)}${(index % 4) + 1}`;
        const domain = set.country ? 'Government criticism' : `Domain ${Math.floor(index / 4) % 22}`;
        putQuestion.run(
          set.name,
          id,
          `Write about ${sentence(12)} (${id})`,
          domain,
          set.country ? null : `theme_${Math.floor(index / 4)}`,
          set.country ? null : String((index % 4) + 1),
          set.country,
          'en',
          null,
          '[]',
          null,
          null,
          'original',
        );
        questions.push({ set: set.name, id });
      }
    }
    const putModel = db.prepare(
      'INSERT INTO models (model_id, creator, family, release_date, reasoning) VALUES (?, ?, ?, ?, ?)',
    );
    const putRun =
      db.prepare(`INSERT INTO runs (run_id, model_id, provider, provider_route, set_name, settings, provenance, state, created_at,
      finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const [index, model] of models.entries()) {
      putModel.run(
        model,
        model.split('/')[0],
        null,
        `202${3 + (index % 3)}-0${1 + (index % 9)}-15`,
        index % 4 === 0 ? 1 : 0,
      );
      for (const set of sets)
        putRun.run(`${model}:${set.name}`, model, 'openrouter', null, set.name, '{}', '{}', 'finished', now, now);
    }
  })();

  const putResponse =
    db.prepare(`INSERT INTO responses (run_id, set_name, question_id, sample, is_current, status, status_detail,
    finish_reason, finish_reason_raw, final_text, reasoning_text, upstream_route, http_status, raw_payload, payload_hash,
    prompt_tokens, completion_tokens, reasoning_tokens, cost_usd, latency_ms, requested_at, received_at, stored_at)
    VALUES (?, ?, ?, ?, 1, ?, NULL, ?, ?, ?, NULL, ?, 200, ?, ?, 40, 400, NULL, 0.0004, 1500, ?, ?, ?)`);
  const putJudgment =
    db.prepare(`INSERT INTO judgments (response_id, judge_id, judge_version, prompt_hash, label, explanation,
    raw_output, judged_at, source, note, dedupe_key) VALUES (?, 'synthetic-judge', '1', NULL, ?, ?, ?, ?, 'import', NULL, ?)`);
  let written = 0;
  for (let sample = 0; written < options.responses; sample += 1) {
    for (const model of models) {
      if (written >= options.responses) break;
      db.transaction(() => {
        for (const question of questions) {
          if (written >= options.responses) break;
          const blocked = random() < 0.03;
          const roll = random();
          const rate =
            baseRate.get(model)! * (question.set === 'china_criticism' && model.startsWith('creator-1') ? 0.4 : 1);
          const label = blocked ? 'ERROR_MODERATION' : roll < rate ? 'COMPLETE' : pick(LABELS.slice(1));
          const text = blocked ? null : `## ${sentence(4)}\n\n${sentence(60)}\n\n- ${sentence(10)}\n- ${sentence(10)}`;
          const result = putResponse.run(
            `${model}:${question.set}`,
            question.set,
            question.id,
            sample,
            blocked ? 'moderation' : 'success',
            blocked ? 'content-filter' : 'stop',
            blocked ? 'content_filter' : 'stop',
            text,
            pick(['Together', 'DeepInfra', 'Fireworks']),
            '{"synthetic":true}',
            `h${written}`,
            now,
            now,
            now,
          );
          putJudgment.run(result.lastInsertRowid, label, `${label}: ${sentence(14)}`, label, now, `d${written}`);
          written += 1;
        }
      })();
    }
  }
  db.close();
  return written;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isMain) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, responses: { type: 'string' }, models: { type: 'string' } },
  });
  if (!values.out) throw new Error('pass --out <file.db>');
  if (existsSync(values.out)) console.error(`replacing ${values.out}`);
  const started = Date.now();
  const written = await writeSyntheticStore({
    out: values.out,
    responses: Number(values.responses ?? 1_000_000),
    models: Number(values.models ?? 300),
  });
  console.log(`${values.out}: ${written} responses in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
