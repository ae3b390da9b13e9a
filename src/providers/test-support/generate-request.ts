import type { GenerateRequest } from '../spec/provider-model.js';

export function generateRequest(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    prompt: 'Write an essay about censorship.',
    systemPrompt: null,
    maxTokens: 2048,
    temperature: null,
    reasoning: null,
    timeoutMs: 5_000,
    ...overrides,
  };
}
