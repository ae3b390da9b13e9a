import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCandorConfig } from './candor-config.js';

describe('config file', () => {
  it('with a byte-order mark is read like one without', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'candor-config-')), 'candor.json');
    writeFileSync(path, '\uFEFF{"rateLimits":{"openrouter":{"rpm":60}}}');
    expect(loadCandorConfig(path).rateLimits).toEqual({ openrouter: { rpm: 60 } });
  });
});
