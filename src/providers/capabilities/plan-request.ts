import { UnsupportedSettingError } from '../provider-errors.js';
import { keptFirstPartyUpstreams } from '../openai-compatible/openrouter-providers.js';
import type { GenerateRequest } from '../spec/provider-model.js';
import { findCreatorCapability, findModelCapability } from './find-model-capability.js';
import type { ModelCapability } from './model-capability.js';
import { planReasoning, type ReasoningPlan } from './plan-reasoning.js';
import type { RefusedSettingPolicy, RequestPlan } from './request-plan.js';
import { ANTHROPIC_MIN_BUDGET, OPENROUTER_EFFORT_RATIO, OPENROUTER_MAX_DERIVED_BUDGET } from './thinking-allowance.js';

export interface PlanRequestInput {
  /** Provider name as in the model spec (for messages). */
  provider: string;
  /** Which vendor's rows apply: openai, anthropic, gemini, openrouter, xai, groq… */
  vendor: string;
  modelId: string;
  request: GenerateRequest;
  /** The row for hosts that serve any model with one convention (custom endpoints, openai-compatible:). */
  hostRow?: ModelCapability;
  /** The cap used when the request sets none but the API requires one (Anthropic). */
  requiredMaxTokens?: number;
  /** The cap field used for a model the table does not know. */
  defaultTokenField: RequestPlan['tokenField'];
}

/**
 * Decide what one request sends: only parameters the model's capability row accepts, an output cap
 * that leaves the asked-for room for the answer beside any thinking, and a note for every
 * adjustment. A model the table does not know gets the most conservative request.
 */
export function planRequest(input: PlanRequestInput): RequestPlan {
  const { request } = input;
  const onRefused: RefusedSettingPolicy = request.onRefusedSetting ?? 'error';
  const name = `${input.provider}:${input.modelId}`;
  const row = findModelCapability(input.vendor, input.modelId) ?? input.hostRow ?? null;
  const answerCap = request.maxTokens ?? input.requiredMaxTokens ?? null;
  if (!row) return conservativePlan(input, name, answerCap);

  const creator = row.reasoning.kind === 'openrouter' ? findCreatorCapability(input.modelId) : null;
  const reasoning = planReasoning(
    request.reasoning,
    { provider: input.provider, modelId: input.modelId, row, onRefused },
    creator,
  );
  const notes = [...reasoning.notes];
  const temperature = planTemperature(request.temperature, row, creator, reasoning, onRefused, name, notes);
  const { maxTokens, fields } = planCap(answerCap, row, reasoning, request, notes, input.provider);
  if (row.reasoning.kind === 'openrouter') {
    const kept = keptFirstPartyUpstreams(input.modelId, request.providerOptions?.openrouter);
    if (kept.length > 0) {
      notes.push(
        `upstreams ${kept.join(', ')} are the creator's own, so the default ignore list keeps them (else no upstream could serve ${input.modelId}); each answer records its upstream. To exclude them: --or-ignore ${kept.join(',')}`,
      );
    }
  }
  return {
    capability: row.id,
    maxTokens,
    tokenField: row.tokenField,
    temperature,
    reasoningFields: fields,
    thinking: reasoning.thinking,
    notes,
  };
}

function conservativePlan(input: PlanRequestInput, name: string, answerCap: number | null): RequestPlan {
  const left = [
    input.request.temperature !== null ? 'temperature' : null,
    input.request.reasoning !== null ? `reasoning "${input.request.reasoning}"` : null,
  ].filter(Boolean);
  return {
    capability: null,
    maxTokens: answerCap,
    tokenField: input.defaultTokenField,
    temperature: null,
    reasoningFields: {},
    thinking: false,
    notes: [
      `${name} is not in Candor's model capability table: sent only the required fields${left.length > 0 ? ` (${left.join(' and ')} left out)` : ''}; add documented parameters with --extra-body`,
    ],
  };
}

function planTemperature(
  temperature: number | null,
  row: ModelCapability,
  creator: ModelCapability | null,
  reasoning: ReasoningPlan,
  onRefused: RefusedSettingPolicy,
  name: string,
  notes: string[],
): number | null {
  if (temperature === null) return null;
  const refusedBy = (target: ModelCapability) =>
    target.temperature === 'no' || (target.temperature === 'without-reasoning' && reasoning.thinking);
  if (creator && refusedBy(creator)) {
    // OpenRouter ignores parameters the model does not take (documented), so say it instead of sending it.
    notes.push(
      `temperature not sent: ${name} does not take one${creator.temperature === 'without-reasoning' ? ' while reasoning' : ''} (OpenRouter would ignore it)`,
    );
    return null;
  }
  if (!refusedBy(row)) return temperature;
  const hint =
    row.temperature === 'no'
      ? 'this model takes no temperature; leave --temperature unset'
      : 'this model takes a temperature only with reasoning off; add --reasoning off or leave --temperature unset';
  if (onRefused === 'error')
    throw new UnsupportedSettingError(
      name,
      `temperature ${temperature}${row.temperature === 'without-reasoning' ? ' while reasoning' : ''}`,
      hint,
    );
  notes.push(`temperature not sent: ${hint.split(';')[0]}`);
  return null;
}

function planCap(
  answerCap: number | null,
  row: ModelCapability,
  reasoning: ReasoningPlan,
  request: GenerateRequest,
  notes: string[],
  provider: string,
): { maxTokens: number | null; fields: Record<string, unknown> } {
  const fields = reasoning.fields;
  if (answerCap === null || !reasoning.thinking || !row.thinkingCountsAgainstCap)
    return { maxTokens: answerCap, fields };
  const ceiling = row.maxOutputTokens ?? Number.POSITIVE_INFINITY;
  if (row.reasoning.kind === 'openrouter') {
    const level = request.reasoning === null || request.reasoning === 'off' ? 'minimal' : request.reasoning;
    const ratio = OPENROUTER_EFFORT_RATIO[level];
    const cap = Math.min(Math.ceil(answerCap / (1 - ratio) - 1e-9), answerCap + OPENROUTER_MAX_DERIVED_BUDGET);
    notes.push(
      `max_tokens raised from ${answerCap} to ${cap}: OpenRouter gives ${Math.round(ratio * 100)}% of max_tokens to thinking on budget-based models, so the answer keeps ${answerCap}`,
    );
    return { maxTokens: cap, fields };
  }
  if (reasoning.budget !== null) {
    const floor =
      row.reasoning.kind === 'anthropic-budget'
        ? ANTHROPIC_MIN_BUDGET
        : row.reasoning.kind === 'gemini-budget'
          ? row.reasoning.min
          : 0;
    let budget = reasoning.budget;
    let cap = answerCap + budget;
    if (cap > ceiling) {
      cap = ceiling;
      budget = Math.max(floor, cap - answerCap);
      if (budget >= cap) budget = cap - 1;
      notes.push(
        `thinking budget lowered to ${budget} so that budget plus answer fit ${provider}'s output limit of ${ceiling}`,
      );
    }
    notes.push(
      `${row.tokenField} raised from ${answerCap} to ${cap} so the answer keeps ${cap - budget} tokens beside a ${budget}-token thinking budget`,
    );
    return { maxTokens: cap, fields: withBudget(fields, budget) };
  }
  if (reasoning.allowance === 0) return { maxTokens: answerCap, fields };
  const cap = Math.min(answerCap + reasoning.allowance, ceiling);
  if (cap === answerCap) return { maxTokens: answerCap, fields };
  notes.push(
    `${row.tokenField} raised from ${answerCap} to ${cap}: thinking counts against it, so the answer keeps room for ${answerCap} tokens`,
  );
  return { maxTokens: cap, fields };
}

/** Replace the budget in `thinking.budget_tokens` or `thinkingConfig.thinkingBudget`. */
function withBudget(fields: Record<string, unknown>, budget: number): Record<string, unknown> {
  const thinking = fields['thinking'] as Record<string, unknown> | undefined;
  if (thinking && 'budget_tokens' in thinking) return { ...fields, thinking: { ...thinking, budget_tokens: budget } };
  const config = fields['thinkingConfig'] as Record<string, unknown> | undefined;
  if (config && 'thinkingBudget' in config && (config['thinkingBudget'] as number) > 0)
    return { ...fields, thinkingConfig: { ...config, thinkingBudget: budget } };
  return fields;
}
