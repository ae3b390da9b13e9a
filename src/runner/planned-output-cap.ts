import type { GenerateRequest, ProviderModel } from '../providers/index.js';

/**
 * The output cap actually sent for a request (raised for thinking where thinking counts against
 * it), for the budget's worst case and the token rate limit. The asked cap when the model cannot
 * say (test doubles, replays) or refuses the request (it then fails on its own).
 */
export function plannedOutputCap(model: ProviderModel, request: GenerateRequest): number | null {
  try {
    return model.describeRequest?.(request).maxTokens ?? request.maxTokens;
  } catch {
    return request.maxTokens;
  }
}
