import { ANTHROPIC_CAPABILITIES } from './anthropic-capabilities.js';
import { COMPATIBLE_VENDOR_CAPABILITIES } from './compatible-vendor-capabilities.js';
import { GEMINI_CAPABILITIES } from './gemini-capabilities.js';
import type { ModelCapability } from './model-capability.js';
import { OPENAI_CAPABILITIES } from './openai-capabilities.js';

/** The whole table, in lookup order. */
export const MODEL_CAPABILITIES: readonly ModelCapability[] = [
  ...OPENAI_CAPABILITIES,
  ...ANTHROPIC_CAPABILITIES,
  ...GEMINI_CAPABILITIES,
  ...COMPATIBLE_VENDOR_CAPABILITIES,
];

/** `models/gemini-2.5-pro` → `gemini-2.5-pro`; `anthropic/claude-opus-4.7` stays as written. */
function bareModelId(modelId: string): string {
  return modelId.replace(/^models\//, '').toLowerCase();
}

/** The row for a vendor's model, or null when the table does not know the model. */
export function findModelCapability(vendor: string, modelId: string): ModelCapability | null {
  const id = bareModelId(modelId);
  return MODEL_CAPABILITIES.find((row) => row.vendors.includes(vendor) && row.pattern.test(id)) ?? null;
}

/** OpenRouter ids name the creator: `anthropic/claude-opus-4.7` → the Anthropic row for claude-opus-4-7. */
const OPENROUTER_CREATORS: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'gemini',
  'x-ai': 'xai',
};

/** The creator's own row for a model served through OpenRouter (its rules say what the model refuses). */
export function findCreatorCapability(openRouterModelId: string): ModelCapability | null {
  const slash = openRouterModelId.indexOf('/');
  if (slash <= 0) return null;
  const vendor = OPENROUTER_CREATORS[openRouterModelId.slice(0, slash).toLowerCase()];
  if (!vendor) return null;
  // OpenRouter writes versions with dots (claude-opus-4.7, claude-3.7-sonnet); Anthropic with dashes.
  let id = openRouterModelId.slice(slash + 1).replace(/:.*$/, '');
  // It also writes some ids family last (claude-4.7-opus); Anthropic does so only before Claude 4.
  if (vendor === 'anthropic')
    id = id.replace(/(\d)\.(\d)/g, '$1-$2').replace(/^claude-([4-9](?:-\d)?)-(opus|sonnet|haiku)/, 'claude-$2-$1');
  return findModelCapability(vendor, id);
}
