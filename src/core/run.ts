/** Settings a run was collected with. Secrets never appear here. */
export interface RunSettings {
  maxTokens?: number | null;
  temperature?: number | null;
  reasoning?: string | null;
  systemPrompt?: string | null;
  samples?: number;
  timeoutMs?: number | null;
  [key: string]: unknown;
}

/** Where a run came from: enough to reproduce or audit it. */
export interface RunProvenance {
  datasetHash?: string | null;
  candorVersion?: string | null;
  gitCommit?: string | null;
  importedFrom?: string | null;
  [key: string]: unknown;
}

export type RunState = 'planned' | 'running' | 'interrupted' | 'finished' | 'failed';

/** One model, through one provider route, over one question set with fixed settings. */
export interface Run {
  id: string;
  modelId: string;
  /** Provider adapter the run used, e.g. "openrouter", "anthropic", "speechmap-import". */
  provider: string;
  /** Provider route as asked for (e.g. an OpenRouter upstream constraint), or null. */
  providerRoute: string | null;
  setName: string;
  settings: RunSettings;
  provenance: RunProvenance;
  state: RunState;
  createdAt: string;
  finishedAt: string | null;
}
