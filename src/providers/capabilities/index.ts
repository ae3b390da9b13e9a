export type {
  ModelCapability,
  ReasoningControl,
  TemperatureSupport,
  OpenAIEffort,
  AnthropicEffort,
  GeminiThinkingLevel,
} from './model-capability.js';
export { MODEL_CAPABILITIES, findModelCapability, findCreatorCapability } from './find-model-capability.js';
export { planRequest, type PlanRequestInput } from './plan-request.js';
export type { RequestPlan, RefusedSettingPolicy } from './request-plan.js';
export { THINKING_ALLOWANCE } from './thinking-allowance.js';
