import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { QuestionSet, Run } from '../core/index.js';
import type { CollectionSettings } from './collection-settings.js';

/** A fresh, readable, unique run id: `<model-name>-<set>-<utc time>-<random>`. */
export function newRunId(modelId: string, setName: string, now: Date = new Date()): string {
  const model = modelId
    .split('/')
    .pop()!
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${model}-${setName}-${stamp}-${randomBytes(2).toString('hex')}`;
}

/** The git commit Candor runs from, when it runs from a checkout. */
export function gitCommit(cwd: string): string | null {
  try {
    return (
      execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 })
        .toString()
        .trim() || null
    );
  } catch {
    return null;
  }
}

/** A run record with its settings (no secrets) and provenance. */
export function createRunRecord(options: {
  runId?: string;
  modelId: string;
  provider: string;
  set: QuestionSet;
  settings: CollectionSettings;
  candorVersion: string;
  gitCommit: string | null;
  /** What Candor sends under these settings (capability row, parameters, adjustments). */
  requestPlan?: Record<string, unknown> | null;
  now?: Date;
}): Run {
  const now = options.now ?? new Date();
  return {
    id: options.runId ?? newRunId(options.modelId, options.set.name, now),
    modelId: options.modelId,
    provider: options.provider,
    providerRoute: options.settings.routing?.force ?? options.settings.routing?.only?.join('|') ?? null,
    setName: options.set.name,
    settings: { ...options.settings },
    provenance: {
      datasetHash: options.set.contentHash,
      datasetSource: options.set.source,
      candorVersion: options.candorVersion,
      gitCommit: options.gitCommit,
      ...(options.requestPlan ? { requestPlan: options.requestPlan } : {}),
    },
    state: 'planned',
    createdAt: now.toISOString(),
    finishedAt: null,
  };
}
