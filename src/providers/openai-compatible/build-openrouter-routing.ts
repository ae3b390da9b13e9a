import type { OpenRouterRouting } from '../spec/provider-model.js';
import { firstPartyUpstreams, toOpenRouterSlug } from './openrouter-providers.js';

export { toOpenRouterSlug } from './openrouter-providers.js';

/**
 * Upstreams excluded by default because they have filtered prompts before the model answered
 * (Azure, Amazon Bedrock, Google Vertex, Google AI Studio, Novita). Slugs as OpenRouter expects.
 */
export const DEFAULT_OPENROUTER_IGNORE = ['azure', 'amazon-bedrock', 'google-vertex', 'google-ai-studio', 'novita'];

/**
 * Default-ignored upstreams that this model keeps because they are its creator's own (Google's
 * models are served only by Google Vertex and Google AI Studio; ignoring both leaves OpenRouter no
 * provider: 404 "No allowed providers are available"). Every answer records the upstream that served it.
 */
export function keptFirstPartyUpstreams(modelId: string, routing: OpenRouterRouting = {}): string[] {
  if (routing.replaceDefaultIgnore) return [];
  const explicit = new Set((routing.ignore ?? []).map(toOpenRouterSlug));
  return firstPartyUpstreams(modelId).filter((slug) => DEFAULT_OPENROUTER_IGNORE.includes(slug) && !explicit.has(slug));
}

/** The `provider` object of an OpenRouter request. https://openrouter.ai/docs/features/provider-routing */
export function buildOpenRouterRouting(routing: OpenRouterRouting = {}, modelId = ''): Record<string, unknown> {
  const only = routing.force !== undefined ? [routing.force] : routing.only;
  const allowed = new Set([...(routing.allow ?? []), ...(only ?? []), ...keptFirstPartyUpstreams(modelId, routing)].map(toOpenRouterSlug));
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
