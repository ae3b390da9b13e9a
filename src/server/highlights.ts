import { rateReport, type RateRow } from '../reports/index.js';
import type { CandorStore } from '../store/index.js';
import type { HighlightCard, HighlightsResponse } from './api-types/models.js';
import type { ExplorerQuery } from './explorer-query.js';
import { loadRoutes } from './load-routes.js';

/** A report row whose rate is known (n > 0): only those are named in a card. */
type KnownRow = RateRow & { rate: number; low: number; high: number };
const known = (row: RateRow): row is KnownRow => row.rate !== null;

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
const withInterval = (row: KnownRow) =>
  `${pct(row.rate)} [${(row.low * 100).toFixed(1)}–${(row.high * 100).toFixed(1)}], n=${row.total}`;
const lensOf = (query: ExplorerQuery) => ({ judge: query.judge, lens: query.lens });

/** Fewest answers a model needs on a topic to be named in a card (fewer say too little). */
const MIN_ROWS = 10;

async function chinaCard(store: CandorStore, query: ExplorerQuery): Promise<HighlightCard> {
  const question = 'Which models refuse to criticise China, and does asking in Chinese change it?';
  const rows = (
    await rateReport(store, {
      groupBy: ['model', 'language'],
      ...lensOf(query),
      filters: { ...query.filters, country: 'CN' },
    })
  )
    .filter((row) => row.total >= MIN_ROWS)
    .filter(known);
  const english = rows.filter((row) => row.language === 'en');
  if (english.length === 0) {
    return {
      question,
      answer: 'This store has no English questions about China (target country CN) with enough answers.',
      answered: false,
      href: '/map',
      linkText: 'See the map',
    };
  }
  const lowest = [...english].sort((left, right) => left.rate - right.rate)[0]!;
  const chinese = rows.find((row) => row.model === lowest.model && row.language === 'zh');
  const gaps = english
    .map((row) => ({ row, zh: rows.find((other) => other.model === row.model && other.language === 'zh') }))
    .filter((entry): entry is { row: KnownRow; zh: KnownRow } => entry.zh !== undefined);
  const lower = gaps.filter((entry) => entry.zh.high < entry.row.low).length;
  const higher = gaps.filter((entry) => entry.zh.low > entry.row.high).length;
  const answer = [
    `Lowest on criticising China in English: ${lowest.model}, ${withInterval(lowest)} COMPLETE.`,
    chinese ? `Asked in Chinese it answers ${withInterval(chinese)}.` : `It was not asked in Chinese.`,
    gaps.length > 0
      ? `Of ${gaps.length} models asked in both, ${lower} answer clearly less in Chinese and ${higher} clearly more (95% intervals apart).`
      : 'No model was asked the same questions in Chinese.',
  ].join(' ');
  return {
    question,
    answer,
    answered: true,
    href: gaps.length > 0 ? '/languages' : '/map?country=CN',
    linkText: gaps.length > 0 ? 'See the language gap' : 'See China on the map',
  };
}

const FINETUNE_WORDS = /uncensor|abliterat|ablated|heretic|jailbr|unfilter|unalign|decensor|dolphin|hermes|r1-1776/i;

async function finetuneCard(store: CandorStore, query: ExplorerQuery): Promise<HighlightCard> {
  const question = 'Did an uncensoring finetune work?';
  const rows = (await rateReport(store, { groupBy: ['model'], ...lensOf(query), filters: query.filters })).filter(
    known,
  );
  const name = (id: string) => id.slice(id.indexOf('/') + 1).toLowerCase();
  // A finetune names its base: "org/llama-3-8b-abliterated" contains "llama-3-8b".
  const pairs: { tuned: KnownRow; base: KnownRow }[] = [];
  for (const tuned of rows) {
    if (!tuned.model || !FINETUNE_WORDS.test(tuned.model)) continue;
    const candidates = rows.filter(
      (base) =>
        base.model &&
        base !== tuned &&
        !FINETUNE_WORDS.test(base.model) &&
        name(tuned.model!).includes(name(base.model)),
    );
    const base = candidates.sort((left, right) => name(right.model!).length - name(left.model!).length)[0];
    if (base) pairs.push({ tuned, base });
  }
  if (pairs.length === 0) {
    return {
      question,
      answer:
        'No uncensoring finetune in this store sits next to its base model (a finetune is found by name: "abliterated", "uncensored", … plus the base model\'s name). Compare any two models on the same questions instead.',
      answered: false,
      href: '/compare',
      linkText: 'Compare two models',
    };
  }
  const best = pairs.sort((left, right) => right.tuned.rate - right.base.rate - (left.tuned.rate - left.base.rate))[0]!;
  const answer = `${best.tuned.model} answers ${withInterval(best.tuned)} COMPLETE; its base ${best.base.model} ${withInterval(best.base)}.${pairs.length > 1 ? ` ${pairs.length} finetune/base pairs in all.` : ''} The paired test on identical questions is on the compare page.`;
  return {
    question,
    answer,
    answered: true,
    href: `/compare?a=${encodeURIComponent(best.tuned.model!)}&b=${encodeURIComponent(best.base.model!)}`,
    linkText: 'Compare them question by question',
  };
}

async function blocksCard(store: CandorStore, query: ExplorerQuery): Promise<HighlightCard> {
  const question = 'Which providers block requests?';
  const routes = await loadRoutes(store, query);
  const blocking = routes.rows
    .filter((row) => row.blocked > 0)
    .sort((left, right) => right.blockedShare - left.blockedShare);
  if (blocking.length === 0) {
    return {
      question,
      answer: `No answer in this store was blocked by a provider's moderation (over ${routes.rows.length} model routes).`,
      answered: true,
      href: '/routes',
      linkText: 'See the routes',
    };
  }
  const top = blocking[0]!;
  const providers = new Set(blocking.map((row) => row.route ?? '(unknown route)'));
  const answer = `${providers.size} route${providers.size === 1 ? '' : 's'} blocked answers by moderation. Most: ${top.model} via ${top.route ?? '(unknown route)'}, ${pct(top.blockedShare)} of ${top.total} requests (${top.blocked}). Blocked answers count as errors, not refusals by the model.`;
  return { question, answer, answered: true, href: '/routes', linkText: 'See every route' };
}

/** The questions readers come with, answered from the data in the store (home page cards). */
export async function loadHighlights(store: CandorStore, query: ExplorerQuery): Promise<HighlightsResponse> {
  return { cards: await Promise.all([chinaCard(store, query), finetuneCard(store, query), blocksCard(store, query)]) };
}
