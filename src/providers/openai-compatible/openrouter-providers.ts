import { CandorError } from '../../core/index.js';
import type { OpenRouterRouting } from '../spec/provider-model.js';

/**
 * OpenRouter's upstream providers as its provider list names them: display name (what responses
 * carry in `provider` and Candor stores as upstream_route) and slug (what `provider.only/ignore/
 * order` take). Source: OpenRouter's published list, GET https://openrouter.ai/api/v1/providers
 * ({data: [{name, slug, …}]}), https://openrouter.ai/docs/api-reference/list-providers; the slugs
 * are the `ProviderName`/provider-preference values of https://openrouter.ai/openapi.json.
 * A display name does not always lowercase to its slug: "Moonshot AI" → moonshotai, "Z.AI" → z-ai,
 * "AtlasCloud" → atlas-cloud, "Mancer 2" → mancer.
 */
export const OPENROUTER_PROVIDERS: ReadonlyArray<{ name: string; slug: string }> = [
  { name: 'AI21', slug: 'ai21' },
  { name: 'AionLabs', slug: 'aion-labs' },
  { name: 'Alibaba', slug: 'alibaba' },
  { name: 'Amazon Bedrock', slug: 'amazon-bedrock' },
  { name: 'Anthropic', slug: 'anthropic' },
  { name: 'AtlasCloud', slug: 'atlas-cloud' },
  { name: 'Atoma', slug: 'atoma' },
  { name: 'Avian', slug: 'avian' },
  { name: 'Azure', slug: 'azure' },
  { name: 'BaseTen', slug: 'baseten' },
  { name: 'Cerebras', slug: 'cerebras' },
  { name: 'Chutes', slug: 'chutes' },
  { name: 'Cloudflare', slug: 'cloudflare' },
  { name: 'Cohere', slug: 'cohere' },
  { name: 'CoreWeave', slug: 'coreweave' },
  { name: 'CrofAI', slug: 'crofai' },
  { name: 'Crusoe', slug: 'crusoe' },
  { name: 'DeepInfra', slug: 'deepinfra' },
  { name: 'DeepSeek', slug: 'deepseek' },
  { name: 'Enfer', slug: 'enfer' },
  { name: 'Featherless', slug: 'featherless' },
  { name: 'Fireworks', slug: 'fireworks' },
  { name: 'Friendli', slug: 'friendli' },
  { name: 'GMICloud', slug: 'gmicloud' },
  { name: 'Google', slug: 'google-vertex' },
  { name: 'Google AI Studio', slug: 'google-ai-studio' },
  { name: 'Groq', slug: 'groq' },
  { name: 'Hyperbolic', slug: 'hyperbolic' },
  { name: 'Inception', slug: 'inception' },
  { name: 'InferenceNet', slug: 'inference-net' },
  { name: 'Infermatic', slug: 'infermatic' },
  { name: 'Inflection', slug: 'inflection' },
  { name: 'Kluster', slug: 'klusterai' },
  { name: 'Lambda', slug: 'lambda' },
  { name: 'Liquid', slug: 'liquid' },
  { name: 'Mancer 2', slug: 'mancer' },
  { name: 'Mara', slug: 'mara' },
  { name: 'Meta', slug: 'meta' },
  { name: 'Minimax', slug: 'minimax' },
  { name: 'Mistral', slug: 'mistral' },
  { name: 'Moonshot AI', slug: 'moonshotai' },
  { name: 'Morph', slug: 'morph' },
  { name: 'NCompass', slug: 'ncompass' },
  { name: 'Nebius', slug: 'nebius' },
  { name: 'NextBit', slug: 'nextbit' },
  { name: 'Nineteen', slug: 'nineteen' },
  { name: 'Novita', slug: 'novita' },
  { name: 'Nvidia', slug: 'nvidia' },
  { name: 'OpenAI', slug: 'openai' },
  { name: 'OpenInference', slug: 'open-inference' },
  { name: 'Parasail', slug: 'parasail' },
  { name: 'Perplexity', slug: 'perplexity' },
  { name: 'Phala', slug: 'phala' },
  { name: 'Relace', slug: 'relace' },
  { name: 'SambaNova', slug: 'sambanova' },
  { name: 'SiliconFlow', slug: 'siliconflow' },
  { name: 'Stealth', slug: 'stealth' },
  { name: 'StreamLake', slug: 'streamlake' },
  { name: 'Switchpoint', slug: 'switchpoint' },
  { name: 'Targon', slug: 'targon' },
  { name: 'Together', slug: 'together' },
  { name: 'Ubicloud', slug: 'ubicloud' },
  { name: 'Venice', slug: 'venice' },
  { name: 'WandB', slug: 'wandb' },
  { name: 'xAI', slug: 'xai' },
  { name: 'Xiaomi', slug: 'xiaomi' },
  { name: 'Z.AI', slug: 'z-ai' },
];

/** Spellings users type that are neither a display name nor a slug. */
const ALIASES: Record<string, string> = {
  bedrock: 'amazon-bedrock',
  'google-ai': 'google-ai-studio',
  vertex: 'google-vertex',
  'google vertex': 'google-vertex',
};

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** An upstream name Candor cannot map to OpenRouter's list; the message carries the list. */
export class UnknownOpenRouterProviderError extends CandorError {
  constructor(name: string) {
    super(
      'unknown_openrouter_provider',
      `OpenRouter has no upstream "${name}"; use a name or slug from its provider list (https://openrouter.ai/api/v1/providers): ${OPENROUTER_PROVIDERS.map((provider) => `${provider.slug} (${provider.name})`).join(', ')}`,
    );
  }
}

/** "Moonshot AI" / "moonshotai" / "MoonshotAI" → "moonshotai"; unknown names throw with the list. */
export function toOpenRouterSlug(name: string): string {
  const wanted = normalise(name);
  const alias = ALIASES[wanted];
  if (alias) return alias;
  const squashed = wanted.replace(/[\s._-]+/g, '');
  const found = OPENROUTER_PROVIDERS.find(
    (provider) =>
      provider.slug === wanted ||
      normalise(provider.name) === wanted ||
      provider.slug.replace(/-/g, '') === squashed ||
      normalise(provider.name).replace(/[\s._-]+/g, '') === squashed,
  );
  if (!found) throw new UnknownOpenRouterProviderError(name);
  return found.slug;
}

/**
 * A creator's own first-party upstreams: for its models these are often the only ones, so the
 * default ignore list never takes them away (an explicit --or-ignore still does).
 */
const FIRST_PARTY_UPSTREAMS: Record<string, readonly string[]> = {
  google: ['google-vertex', 'google-ai-studio'],
  amazon: ['amazon-bedrock'],
};

/** `google/gemini-2.5-pro` → ["google-vertex", "google-ai-studio"]. */
export function firstPartyUpstreams(modelId: string): readonly string[] {
  return FIRST_PARTY_UPSTREAMS[modelId.split('/')[0]!.toLowerCase()] ?? [];
}

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
  const allowed = new Set(
    [...(routing.allow ?? []), ...(only ?? []), ...keptFirstPartyUpstreams(modelId, routing)].map(toOpenRouterSlug),
  );
  const ignore = [
    ...new Set([
      ...(routing.replaceDefaultIgnore ? [] : DEFAULT_OPENROUTER_IGNORE),
      ...(routing.ignore ?? []).map(toOpenRouterSlug),
    ]),
  ].filter((slug) => !allowed.has(slug));
  const provider: Record<string, unknown> = {};
  if (ignore.length > 0) provider['ignore'] = ignore;
  if (only !== undefined) provider['only'] = only.map(toOpenRouterSlug);
  if (routing.order !== undefined) provider['order'] = routing.order.map(toOpenRouterSlug);
  if (routing.force !== undefined) provider['allow_fallbacks'] = false;
  else if (routing.allowFallbacks !== undefined) provider['allow_fallbacks'] = routing.allowFallbacks;
  return provider;
}
