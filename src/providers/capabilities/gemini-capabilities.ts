import type { ModelCapability } from './model-capability.js';

const THINKING =
  'https://ai.google.dev/gemini-api/docs/thinking#set-budget (thinkingBudget ranges: 2.5 Pro 128–32768, "cannot disable thinking"; 2.5 Flash 0–24576; 2.5 Flash-Lite 512–24576, 0 disables; -1 dynamic)';
const GEMINI_3 =
  'https://ai.google.dev/gemini-api/docs/gemini-3#thinking_level (thinkingLevel; Gemini 3 Pro: low, high; Gemini 3 Flash: minimal, low, medium, high; thinking cannot be turned off; "cannot use both thinking_level and thinking_budget in the same request", 400)';
const CAP =
  'https://ai.google.dev/api/generate-content#generationconfig (maxOutputTokens; thinking tokens are output tokens, usageMetadata.thoughtsTokenCount) and @google/genai 2.32 ThinkingConfig';

/** Gemini API generateContent. Rows are tried in order; a "models/" prefix is stripped before matching. */
export const GEMINI_CAPABILITIES: readonly ModelCapability[] = [
  {
    id: 'gemini/3-pro',
    vendors: ['gemini'],
    pattern: /^gemini-3(?:\.\d+)?-pro\b/,
    temperature: 'yes',
    reasoning: { kind: 'gemini-level', levels: ['LOW', 'HIGH'] },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 65_536,
    source: `${GEMINI_3}; ${CAP}`,
  },
  {
    id: 'gemini/3-flash',
    vendors: ['gemini'],
    pattern: /^gemini-3(?:\.\d+)?-flash\b/,
    temperature: 'yes',
    reasoning: { kind: 'gemini-level', levels: ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'] },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 65_536,
    source: `${GEMINI_3}; ${CAP}`,
  },
  {
    id: 'gemini/2.5-pro',
    vendors: ['gemini'],
    pattern: /^gemini-2\.5-pro\b/,
    temperature: 'yes',
    reasoning: { kind: 'gemini-budget', min: 128, max: 32_768, canDisable: false },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 65_536,
    source: `${THINKING}; ${CAP}`,
  },
  {
    id: 'gemini/2.5-flash-lite',
    vendors: ['gemini'],
    pattern: /^gemini-2\.5-flash-lite\b/,
    temperature: 'yes',
    reasoning: { kind: 'gemini-budget', min: 512, max: 24_576, canDisable: true },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: false,
    maxOutputTokens: 65_536,
    source: `${THINKING} (Flash-Lite does not think by default); ${CAP}`,
  },
  {
    id: 'gemini/2.5-flash',
    vendors: ['gemini'],
    pattern: /^gemini-2\.5-flash\b/,
    temperature: 'yes',
    reasoning: { kind: 'gemini-budget', min: 1, max: 24_576, canDisable: true },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: true,
    thinksByDefault: true,
    maxOutputTokens: 65_536,
    source: `${THINKING}; ${CAP}`,
  },
  {
    id: 'gemini/no-thinking',
    vendors: ['gemini'],
    // Gemini 2.0 and 1.5 and Gemma: no thinkingConfig.
    pattern: /^(?:gemini-(?:2\.0|1\.5)-|gemma-)/,
    temperature: 'yes',
    reasoning: { kind: 'none' },
    tokenField: 'maxOutputTokens',
    thinkingCountsAgainstCap: false,
    thinksByDefault: false,
    maxOutputTokens: 8_192,
    source:
      'https://ai.google.dev/gemini-api/docs/thinking#supported-models (thinking is offered on the 2.5 series and later); temperature 0–2 https://ai.google.dev/api/generate-content#generationconfig',
  },
];
