import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildAnthropicRequestBody } from '../anthropic/create-anthropic-provider.js';
import { createProviderModel } from '../create-provider-model.js';
import { buildGeminiRequestBody } from '../gemini/create-gemini-provider.js';
import { buildChatRequestBody } from '../openai-compatible/create-openai-compatible-provider.js';
import { type GenerateRequest, REASONING_SETTINGS, type ReasoningSetting } from '../spec/provider-model.js';
import { generateRequest } from '../test-support/generate-request.js';
import { ANTHROPIC_CAPABILITIES } from './anthropic-capabilities.js';
import { GEMINI_CAPABILITIES } from './gemini-capabilities.js';
import { COMPATIBLE_VENDOR_CAPABILITIES } from './compatible-vendor-capabilities.js';
import { OPENAI_CAPABILITIES } from './openai-capabilities.js';

/** One real model id per capability row of the three SDK-typed vendors (a new row needs one here). */
const EXAMPLES: Record<string, string[]> = {
  'openai/gpt-5-pro': ['gpt-5-pro'],
  'openai/gpt-5-chat': ['gpt-5-chat-latest'],
  'openai/gpt-5.2+': ['gpt-5.2', 'gpt-5.4-mini'],
  'openai/gpt-5.1': ['gpt-5.1', 'gpt-5.1-codex'],
  'openai/gpt-5': ['gpt-5', 'gpt-5-mini', 'gpt-5-nano-2025-08-07'],
  'openai/o1-mini': ['o1-mini'],
  'openai/o-series': ['o3', 'o4-mini', 'o1'],
  'openai/gpt-4-family': ['gpt-4o', 'gpt-4.1-mini', 'gpt-3.5-turbo'],
  'anthropic/always-adaptive': ['claude-mythos-5', 'claude-opus-5-5', 'claude-fable-5-1'],
  'anthropic/opus-5': ['claude-opus-5'],
  'anthropic/opus-4.7+': ['claude-opus-4-7', 'claude-opus-4-8'],
  'anthropic/4.6': ['claude-opus-4-6', 'claude-sonnet-4-6'],
  'anthropic/extended-thinking': [
    'claude-3-7-sonnet-20250219',
    'claude-sonnet-4-5',
    'claude-opus-4-1-20250805',
    'claude-haiku-4-5',
    'claude-sonnet-4-0',
  ],
  'anthropic/claude-3': ['claude-3-5-haiku-latest', 'claude-3-opus-20240229'],
  'gemini/3-pro': ['gemini-3-pro-preview', 'gemini-3.1-pro-preview'],
  'gemini/3-flash': ['gemini-3-flash-preview'],
  'gemini/2.5-pro': ['gemini-2.5-pro'],
  'gemini/2.5-flash-lite': ['gemini-2.5-flash-lite'],
  'gemini/2.5-flash': ['gemini-2.5-flash'],
  'gemini/no-thinking': ['gemini-2.0-flash', 'gemma-3-27b-it'],
  // OpenAI-compatible vendors checked against the openai types (OpenRouter with its documented additions).
  'xai/grok-3-mini': ['grok-3-mini'],
  'xai/grok-reasoning': ['grok-4'],
  'xai/grok-3': ['grok-3'],
  'openrouter/*': ['deepseek/deepseek-r1', 'google/gemini-2.5-pro', 'openai/o4-mini', 'anthropic/claude-opus-4.7'],
};

type Vendor = 'openai' | 'anthropic' | 'gemini' | 'xai' | 'openrouter';

/** Every body Candor builds for every example × --reasoning × --temperature (refused settings dropped, as a judge does). */
function builtBodies(): Array<{ vendor: Vendor; label: string; body: Record<string, unknown> }> {
  const bodies: Array<{ vendor: Vendor; label: string; body: Record<string, unknown> }> = [];
  const settings: ReasoningSetting[] = [null, ...REASONING_SETTINGS];
  const compatible = COMPATIBLE_VENDOR_CAPABILITIES.filter(
    (row) => row.vendors[0] === 'xai' || row.vendors[0] === 'openrouter',
  );
  for (const [vendor, rows] of [
    ['openai', OPENAI_CAPABILITIES],
    ['anthropic', ANTHROPIC_CAPABILITIES],
    ['gemini', GEMINI_CAPABILITIES],
    ['xai', compatible.filter((row) => row.vendors[0] === 'xai')],
    ['openrouter', compatible.filter((row) => row.vendors[0] === 'openrouter')],
  ] as const) {
    for (const row of rows) {
      for (const modelId of EXAMPLES[row.id] ?? []) {
        const model = createProviderModel(`${vendor}:${modelId}`, { env: {} });
        for (const reasoning of settings) {
          for (const temperature of [null, 0.5]) {
            const request: GenerateRequest = generateRequest({
              reasoning,
              temperature,
              systemPrompt: 'Be direct.',
              onRefusedSetting: 'drop',
            });
            const plan = model.describeRequest!(request);
            const body =
              vendor === 'openai' || vendor === 'xai' || vendor === 'openrouter'
                ? buildChatRequestBody(modelId, request, plan, vendor === 'openrouter' ? { openRouter: true } : {})
                : vendor === 'anthropic'
                  ? buildAnthropicRequestBody(modelId, request, plan)
                  : buildGeminiRequestBody(request, plan);
            bodies.push({
              vendor,
              label: `${vendor}:${modelId} reasoning=${reasoning} temperature=${temperature}`,
              body,
            });
          }
        }
      }
    }
  }
  return bodies;
}

const TYPE_OF: Record<Vendor, string> = {
  openai: 'ChatCompletionCreateParamsNonStreaming',
  xai: 'ChatCompletionCreateParamsNonStreaming',
  openrouter: 'OpenRouterBody',
  anthropic: 'AnthropicBody',
  gemini: 'GeminiRestBody',
};

/** A TypeScript file declaring each body with the official SDK's request type (Gemini enums written as enum members). */
function typedSource(bodies: Array<{ vendor: Vendor; label: string; body: Record<string, unknown> }>): string {
  const lines = [
    "import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';",
    "import type { MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';",
    "import { ThinkingLevel, type Content, type GenerationConfig } from '@google/genai';",
    // @anthropic-ai/sdk 1.x dropped `temperature` from MessageCreateParams (CHANGELOG: "temperature
    // deprecation"); the Messages API still takes it on models before Opus 4.7, where the capability
    // table allows it (https://platform.claude.com/docs/en/api/messages#body-temperature, 0–1).
    'type AnthropicBody = MessageCreateParamsNonStreaming & { temperature?: number };',
    // OpenRouter: the OpenAI body plus its documented `reasoning` and `provider` objects
    // (https://openrouter.ai/docs/use-cases/reasoning-tokens, https://openrouter.ai/docs/features/provider-routing).
    "type OpenRouterBody = Omit<ChatCompletionCreateParamsNonStreaming, 'reasoning_effort'> & {",
    "  reasoning?: { effort?: 'xhigh' | 'high' | 'medium' | 'low' | 'minimal' | 'none'; max_tokens?: number; enabled?: boolean; exclude?: boolean };",
    '  provider?: { ignore?: string[]; only?: string[]; order?: string[]; allow_fallbacks?: boolean };',
    '};',
    // The REST body of generateContent: the SDK's Content and GenerationConfig types, as sent on the wire.
    'type GeminiRestBody = { contents: Content[]; systemInstruction?: Content; generationConfig?: GenerationConfig };',
  ];
  bodies.forEach(({ vendor, label, body }, index) => {
    const literal = JSON.stringify(body).replace(/"thinkingLevel":"([A-Z]+)"/g, '"thinkingLevel":ThinkingLevel.$1');
    lines.push(`// ${label}`, `export const body${index}: ${TYPE_OF[vendor]} = ${literal};`);
  });
  return lines.join('\n') + '\n';
}

/** Type-check a source file against the installed SDKs; returns the error messages. */
function typeCheck(source: string, name: string): string[] {
  const directory = resolve(import.meta.dirname, '../../../node_modules/.cache/candor-sdk-typecheck');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${name}.ts`);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('built requests type-check against the official SDK request types', () => {
  it('every capability row of OpenAI, Anthropic and Gemini has an example model', () => {
    const xaiAndOpenRouter = COMPATIBLE_VENDOR_CAPABILITIES.filter(
      (row) => row.vendors[0] === 'xai' || row.vendors[0] === 'openrouter',
    );
    for (const row of [...OPENAI_CAPABILITIES, ...ANTHROPIC_CAPABILITIES, ...GEMINI_CAPABILITIES, ...xaiAndOpenRouter])
      expect(EXAMPLES[row.id], row.id).toBeDefined();
  });

  it(
    'every body for every row × --reasoning × --temperature is a valid openai / @anthropic-ai/sdk / @google/genai request',
    { timeout: 120_000 },
    () => {
      const bodies = builtBodies();
      expect(bodies.length).toBeGreaterThan(300);
      expect(typeCheck(typedSource(bodies), 'bodies')).toEqual([]);
    },
  );

  it('the check can fail: bodies the vendors refuse do not type-check', { timeout: 120_000 }, () => {
    const wrong = [
      {
        vendor: 'openai' as const,
        label: 'unknown effort',
        body: { model: 'o3', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'extreme' },
      },
      {
        vendor: 'anthropic' as const,
        label: 'no max_tokens',
        body: { model: 'claude-opus-4-7', messages: [{ role: 'user', content: 'x' }] },
      },
      {
        vendor: 'anthropic' as const,
        label: 'effort in thinking',
        body: {
          model: 'claude-opus-4-7',
          max_tokens: 10,
          messages: [{ role: 'user', content: 'x' }],
          thinking: { type: 'adaptive', effort: 'high' },
        },
      },
      {
        vendor: 'gemini' as const,
        label: 'budget at top level',
        body: { contents: [], generationConfig: { thinkingBudget: 0 } },
      },
    ];
    expect(typeCheck(typedSource(wrong), 'wrong')).toHaveLength(4);
  });
});
