import { describe, expect, it } from 'vitest';
import { NotFoundError, UsageError } from '../core/index.js';
import { openStore } from '../store/index.js';
import { EMPTY_CONFIG } from './candor-config.js';
import { resolveJudge } from './judge-spec.js';
import { replayRunId, resolveModelSpec } from './model-spec.js';

const io = { env: {}, stderr: { write: () => true } };

describe('model specs', () => {
  it('replay:<run-id> is a stored run; anything else goes to a provider', async () => {
    expect(replayRunId('replay:r1')).toBe('r1');
    expect(replayRunId('openai:gpt-4o')).toBeNull();
    const store = await openStore(':memory:');
    try {
      await expect(resolveModelSpec('replay:missing', { store, env: {}, provider: {} })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      const model = await resolveModelSpec('openai-compatible:m', {
        store,
        env: {},
        provider: {},
        baseURL: 'http://127.0.0.1:9/v1',
      });
      expect(model.provider).toBe('openai-compatible');
      expect(model.modelId).toBe('m');
    } finally {
      await store.close();
    }
  });
});

describe('judge specs', () => {
  it('embedded, cascade and malformed specs', async () => {
    const context = { store: null, io, config: EMPTY_CONFIG };
    expect((await resolveJudge('embedded', context)).judge.source).toBe('embedded');
    await expect(resolveJudge('cascade:stored:x>embedded', context)).rejects.toBeInstanceOf(UsageError);
    await expect(resolveJudge('ensemble:embedded', context)).rejects.toThrow(/two or more/);
    await expect(resolveJudge('nonsense', context)).rejects.toThrow(/expected embedded/);
    await expect(resolveJudge('stored:someone', context)).rejects.toThrow(/needs the store/);
  });
});
