import { describe, expect, it } from 'vitest';
import { createProviderModel } from '../create-provider-model.js';
import { generateRequest } from '../test-support/generate-request.js';
import { buildOpenRouterRouting, toOpenRouterSlug, UnknownOpenRouterProviderError } from './openrouter-providers.js';

describe('OpenRouter upstream names (issue #12 item 6)', () => {
  it.each([
    ['Moonshot AI', 'moonshotai'],
    ['Z.AI', 'z-ai'],
    ['AtlasCloud', 'atlas-cloud'],
    ['AionLabs', 'aion-labs'],
    ['InferenceNet', 'inference-net'],
    ['OpenInference', 'open-inference'],
    ['Mancer 2', 'mancer'],
    ['Google', 'google-vertex'],
    ['Amazon Bedrock', 'amazon-bedrock'],
    ['moonshotai', 'moonshotai'],
    ['z-ai', 'z-ai'],
  ])('%s → %s', (name, slug) => expect(toOpenRouterSlug(name)).toBe(slug));

  it('an unknown name is refused with the list, not silently excluding nothing', () => {
    expect(() => toOpenRouterSlug('Moonshot Labs')).toThrow(UnknownOpenRouterProviderError);
    expect(() => toOpenRouterSlug('Moonshot Labs')).toThrow(/moonshotai \(Moonshot AI\)/);
  });

  it('display names copied from upstream_route exclude the right slug', () => {
    expect(buildOpenRouterRouting({ ignore: ['Moonshot AI', 'Z.AI'] }).ignore).toEqual([
      'azure',
      'amazon-bedrock',
      'google-vertex',
      'google-ai-studio',
      'novita',
      'moonshotai',
      'z-ai',
    ]);
  });
});

describe("OpenRouter routing of a creator's own upstreams (issue #12 item 3)", () => {
  it('Google models keep Google Vertex and Google AI Studio, and the run says so', () => {
    expect(buildOpenRouterRouting({}, 'google/gemini-2.5-pro').ignore).toEqual(['azure', 'amazon-bedrock', 'novita']);
    const model = createProviderModel('openrouter:google/gemini-2.5-pro', { env: {} });
    expect(model.describeRequest!(generateRequest()).notes.join(' ')).toMatch(
      /google-vertex, google-ai-studio are the creator's own/,
    );
  });

  it('other models keep the whole default list; an explicit --or-ignore still excludes first-party upstreams', () => {
    expect(buildOpenRouterRouting({}, 'deepseek/deepseek-r1').ignore).toEqual([
      'azure',
      'amazon-bedrock',
      'google-vertex',
      'google-ai-studio',
      'novita',
    ]);
    expect(buildOpenRouterRouting({ ignore: ['Google'] }, 'google/gemini-2.5-pro').ignore).toEqual([
      'azure',
      'amazon-bedrock',
      'google-vertex',
      'novita',
    ]);
  });
});
