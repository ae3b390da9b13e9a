import { describe, expect, it } from 'vitest';
import { ModelSpecError } from './provider-errors.js';
import { KNOWN_PROVIDERS, parseModelSpec } from './parse-model-spec.js';

describe('parseModelSpec', () => {
  it.each([
    ['openrouter:deepseek/deepseek-r1', 'openrouter', 'deepseek/deepseek-r1'],
    ['ollama:qwen3:8b', 'ollama', 'qwen3:8b'],
    ['anthropic:claude-sonnet-4-20250514', 'anthropic', 'claude-sonnet-4-20250514'],
    ['openrouter:thudm/glm-4-9b:free', 'openrouter', 'thudm/glm-4-9b:free'],
    ['openai-compatible:my-model', 'openai-compatible', 'my-model'],
    ['  Google:gemini-2.5-pro ', 'gemini', 'gemini-2.5-pro'],
    ['llama.cpp:local', 'llamacpp', 'local'],
  ])('%s → %s + %s', (spec, provider, modelId) => {
    expect(parseModelSpec(spec)).toEqual({ provider, modelId });
  });

  it('knows every vendor named in the issue', () => {
    for (const name of [
      'openai',
      'openrouter',
      'together',
      'fireworks',
      'deepinfra',
      'groq',
      'xai',
      'deepseek',
      'mistral',
      'moonshot',
      'vllm',
      'llamacpp',
      'ollama',
      'lmstudio',
      'anthropic',
      'gemini',
      'openai-compatible',
    ]) {
      expect(KNOWN_PROVIDERS).toContain(name);
    }
  });

  it('an unknown provider lists the known ones', () => {
    expect(() => parseModelSpec('nope:model')).toThrow(ModelSpecError);
    expect(() => parseModelSpec('nope:model')).toThrow(/unknown provider "nope".*known providers: .*openrouter/);
  });

  it('accepts providers named in a config file', () => {
    expect(parseModelSpec('lab-vllm:llama-3', ['lab-vllm'])).toEqual({ provider: 'lab-vllm', modelId: 'llama-3' });
  });

  it.each(['deepseek-r1', ':model', 'openrouter:', ''])('rejects malformed spec %j', (spec) => {
    expect(() => parseModelSpec(spec)).toThrow(/must look like provider:model-id/);
  });
});
