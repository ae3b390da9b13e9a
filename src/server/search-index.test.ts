import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import { makeQuestion, makeResponse, makeRun, makeSet } from '../store/test-support/store-fixtures.js';
import { buildSearchIndexFile, openSearchIndex, searchIndexIsCurrent } from './search-index.js';
import { snippetAround } from './snippet-around.js';

async function storeWithAnswer(answer: string): Promise<string> {
  const location = join(mkdtempSync(join(tmpdir(), 'candor-search-')), 'c.db');
  const store = await openStore(location);
  await store.putQuestionSet(makeSet('set_a'), [makeQuestion({ id: 'q1' })]);
  await store.putModel({ id: 'lab/model-a', creator: null, family: null, releaseDate: null, reasoning: null });
  await store.putRun(makeRun('run-a'));
  await store.putResponse(makeResponse({ runId: 'run-a', questionId: 'q1', finalText: answer }));
  await store.close();
  return location;
}

describe('search work is bounded by the text, not its square', () => {
  // One word repeated 200k times took 528 s in FTS5's snippet(); at 60k the old code needs ~45 s.
  it('an answer of one word repeated 60,000 times is searched and snipped at once', { timeout: 15_000 }, async () => {
    const location = await storeWithAnswer('freedom '.repeat(60_000));
    const index = openSearchIndex(location, ':memory:', 'v1');
    try {
      for (const query of ['freedom', 'freedom freedom', 'free', 'fr']) {
        const result = index.search(query, 20);
        expect(result.hits.length, query).toBeGreaterThan(0);
        expect(result.hits[0]!.snippet.length, query).toBeLessThan(400);
      }
    } finally {
      index.close();
    }
  });

  it('snippetAround shows the match with context, case-insensitively', () => {
    expect(snippetAround('a'.repeat(200) + 'Press Freedom' + 'b'.repeat(200), 'press freedom', 5)).toBe(
      '…aaaaaPress Freedombbbbb…',
    );
    expect(snippetAround('short text', 'absent')).toBe('short text');
  });

  it('snippets show stored text as it was answered (NUL, lone surrogates), not the store escapes', async () => {
    const location = await storeWithAnswer('before\u0000after, lone \ud800, about freedom');
    const index = openSearchIndex(location, ':memory:', 'v1');
    try {
      expect(index.search('freedom', 5).hits[0]!.snippet).toBe('before\u0000after, lone \ud800, about freedom');
    } finally {
      index.close();
    }
  });
});

describe('index files built at the same time', () => {
  it('two builds of one store in one process both finish, and the index they leave is whole', async () => {
    const location = await storeWithAnswer('Taiwan and freedom of the press');
    const indexPath = `${location}.search`;
    // Before: both builds wrote the same "<index>.building-<pid>" file; one deleted the other's half-built
    // index, and a reader then met "no such table: words".
    await Promise.all([
      buildSearchIndexFile(location, indexPath, 'v1'),
      buildSearchIndexFile(location, indexPath, 'v1'),
      buildSearchIndexFile(location, indexPath, 'v1'),
    ]);
    expect(searchIndexIsCurrent(indexPath, 'v1')).toBe(true);
    const index = openSearchIndex(location, indexPath, 'v1');
    try {
      expect(index.search('freedom', 5).hits.length).toBeGreaterThan(0);
    } finally {
      index.close();
    }
    expect(readdirSync(dirname(location)).filter((name) => name.includes('.building-'))).toEqual([]);
  });
});
