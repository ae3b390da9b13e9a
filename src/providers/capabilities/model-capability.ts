import type { ReasoningMapper } from '../openai-compatible/reasoning-mappers.js';

/** OpenAI `reasoning_effort` values (openai SDK `ReasoningEffort`). */
export type OpenAIEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max';
/** Anthropic `output_config.effort` values (@anthropic-ai/sdk `OutputConfig`). */
export type AnthropicEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';
/** Gemini 3 `thinkingConfig.thinkingLevel` values (@google/genai `ThinkingLevel`). */
export type GeminiThinkingLevel = 'MINIMAL' | 'LOW' | 'MEDIUM' | 'HIGH';

/** How a model's reasoning is switched and sized. One variant per documented control. */
export type ReasoningControl =
  /** The model has no reasoning control: `off` sends nothing, any other setting is refused. */
  | { kind: 'none' }
  /** OpenAI `reasoning_effort`; `values` are the ones this family accepts, lowest first. */
  | { kind: 'openai-effort'; values: readonly OpenAIEffort[]; defaultEffort: OpenAIEffort }
  /** Anthropic manual extended thinking: `thinking: {type: 'enabled', budget_tokens}` (≥ 1024, < max_tokens). */
  | { kind: 'anthropic-budget' }
  /**
   * Anthropic adaptive thinking: `thinking: {type: 'adaptive'}` + `output_config.effort`.
   * `off`: how thinking is turned off — 'disabled' (send `{type: 'disabled'}`), 'omit' (leave
   * `thinking` out; the model does not think then) or 'impossible' (always thinks).
   */
  | { kind: 'anthropic-adaptive'; efforts: readonly AnthropicEffort[]; off: 'disabled' | 'omit' | 'impossible' }
  /** Gemini 2.5 `thinkingBudget` within [min, max]; 0 turns thinking off where `canDisable`; -1 is dynamic. */
  | { kind: 'gemini-budget'; min: number; max: number; canDisable: boolean }
  /** Gemini 3 `thinkingLevel`; thinking cannot be turned off, the first level is the lowest. */
  | { kind: 'gemini-level'; levels: readonly GeminiThinkingLevel[] }
  /** OpenRouter's normalised `reasoning` object. */
  | { kind: 'openrouter' }
  /** A host that serves arbitrary models with one documented convention (vLLM, Groq, Together…). */
  | { kind: 'host-mapper'; mapper: ReasoningMapper };

/**
 * Which temperatures a model takes: 'yes' always; 'no' never (sending one is a 400);
 * 'without-reasoning' only while reasoning/thinking is off (OpenAI gpt-5.1+ with effort none,
 * Anthropic with thinking disabled).
 */
export type TemperatureSupport = 'yes' | 'no' | 'without-reasoning';

/** One row of the capability table: a vendor × a model-id pattern. */
export interface ModelCapability {
  /** Stable row id, recorded with every run, e.g. "openai/gpt-5". */
  id: string;
  /** Which vendors' model ids this row matches. */
  vendors: readonly string[];
  /** Matched against the model id (for OpenRouter, the part after "creator/"). */
  pattern: RegExp;
  temperature: TemperatureSupport;
  reasoning: ReasoningControl;
  /** The request field carrying the output cap. */
  tokenField: 'max_tokens' | 'max_completion_tokens' | 'maxOutputTokens';
  /** Reasoning/thinking tokens are taken out of the output cap (so the cap must leave room for both). */
  thinkingCountsAgainstCap: boolean;
  /** The model reasons when the request says nothing about it. */
  thinksByDefault: boolean;
  /** The largest output cap the model accepts, when documented. */
  maxOutputTokens: number | null;
  /** What to tell a user whose reasoning setting this row cannot express (default: a generic hint). */
  reasoningHint?: string;
  /** Where each rule of this row is documented (URL and section). */
  source: string;
}
