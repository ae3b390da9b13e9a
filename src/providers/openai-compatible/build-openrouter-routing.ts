import type { OpenRouterRouting } from '../spec/provider-model.js';

/**
 * Upstreams excluded by default because they have filtered prompts before the model answered
 * (Azure, Amazon Bedrock, Google Vertex, Google AI Studio, Novita). Slugs as OpenRouter expects.
 */
export const DEFAULT_OPENROUTER_IGNORE = ['azure', 'amazon-bedrock', 'google-vertex', 'google-ai-studio', 'novita'];

const SLUG_ALIASES: Record<string, string> = {
  google: 'google-vertex',
  bedrock: 'amazon-bedrock',
  'google-ai': 'google-ai-studio',
};

/** "Amazon Bedrock" → "amazon-bedrock", "Google" → "google-vertex" (display names as in the `provider` field). */
export function toOpenRouterSlug(name: string): string {
  const slug = name.trim().toLowerCase().replace(/\s+/g, '-');
  return SLUG_ALIASES[slug] ?? slug;
}

/** The `provider` object of an OpenRouter request. https://openrouter.ai/docs/features/provider-routing */
export function buildOpenRouterRouting(routing: OpenRouterRouting = {}): Record<string, unknown> {
  const only = routing.force !== undefined ? [routing.force] : routing.only;
  const allowed = new Set([...(routing.allow ?? []), ...(only ?? [])].map(toOpenRouterSlug));
  const ignore = [...new Set([...(routing.replaceDefaultIgnore ? [] : DEFAULT_OPENROUTER_IGNORE), ...(routing.ignore ?? []).map(toOpenRouterSlug)])].filter(
    (slug) => !allowed.has(slug),
  );
  const provider: Record<string, unknown> = {};
  if (ignore.length > 0) provider['ignore'] = ignore;
  if (only !== undefined) provider['only'] = only.map(toOpenRouterSlug);
  if (routing.order !== undefined) provider['order'] = routing.order.map(toOpenRouterSlug);
  if (routing.force !== undefined) provider['allow_fallbacks'] = false;
  else if (routing.allowFallbacks !== undefined) provider['allow_fallbacks'] = routing.allowFallbacks;
  return provider;
}
