import { UnsupportedSettingError } from '../provider-errors.js';
import type { ReasoningSetting } from '../spec/provider-model.js';
import type { GeminiThinkingLevel, ModelCapability, OpenAIEffort, ReasoningControl } from './model-capability.js';
import { type AllowanceLevel, ANTHROPIC_MIN_BUDGET, THINKING_ALLOWANCE } from './thinking-allowance.js';

/** The reasoning part of a plan: fields to send, whether the model will think, and how much room to add. */
export interface ReasoningPlan {
  fields: Record<string, unknown>;
  /** The model will reason under this request (decides temperature and the output cap). */
  thinking: boolean;
  /** Tokens to add to the output cap for thinking; for a fixed budget, the budget itself. */
  allowance: number;
  /** A fixed thinking budget that must stay below the cap (Anthropic budget_tokens, Gemini thinkingBudget). */
  budget: number | null;
  notes: string[];
}

export interface ReasoningContext {
  provider: string;
  modelId: string;
  row: ModelCapability;
  onRefused: 'error' | 'drop';
}

function refuse(context: ReasoningContext, setting: string, hint: string): ReasoningPlan {
  if (context.onRefused === 'error')
    throw new UnsupportedSettingError(`${context.provider}:${context.modelId}`, setting, hint);
  return {
    fields: {},
    thinking: context.row.thinksByDefault,
    allowance: context.row.thinksByDefault ? THINKING_ALLOWANCE.medium : 0,
    budget: null,
    notes: [`${setting} not sent: ${hint}`],
  };
}

function plan(
  fields: Record<string, unknown>,
  thinking: boolean,
  level: AllowanceLevel | null,
  notes: string[] = [],
): ReasoningPlan {
  return { fields, thinking, allowance: thinking && level ? THINKING_ALLOWANCE[level] : 0, budget: null, notes };
}

/** The accepted value nearest to the asked one, preferring the higher on a tie. */
function nearest<T extends string>(asked: string, order: readonly string[], accepted: readonly T[]): T {
  const at = order.indexOf(asked);
  return [...accepted].sort(
    (a, b) => Math.abs(order.indexOf(a) - at) - Math.abs(order.indexOf(b) - at) || order.indexOf(b) - order.indexOf(a),
  )[0]!;
}

const OPENAI_ORDER: readonly OpenAIEffort[] = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'];

function openAIEffort(
  reasoning: ReasoningSetting,
  control: Extract<ReasoningControl, { kind: 'openai-effort' }>,
  context: ReasoningContext,
): ReasoningPlan {
  const { values, defaultEffort } = control;
  const name = `${context.provider}:${context.modelId}`;
  const send = (effort: OpenAIEffort, notes: string[] = []) =>
    plan(
      { reasoning_effort: effort },
      effort !== 'none',
      effort === 'none' ? null : effort === 'xhigh' || effort === 'max' ? 'high' : (effort as AllowanceLevel),
      notes,
    );
  if (reasoning === null) return plan({}, defaultEffort !== 'none', defaultEffort === 'none' ? null : 'medium');
  if (reasoning === 'on')
    return defaultEffort === 'none'
      ? send(values.includes('medium') ? 'medium' : values[values.length - 1]!)
      : plan({}, true, 'medium');
  if (reasoning === 'off') {
    if (values.includes('none')) return send('none');
    return send(values[0]!, [
      `${name} cannot stop reasoning; sent reasoning_effort "${values[0]}", its lowest setting`,
    ]);
  }
  if (values.includes(reasoning)) return send(reasoning);
  const chosen = nearest(reasoning, OPENAI_ORDER, values);
  return send(chosen, [
    `${name} does not take reasoning_effort "${reasoning}"; sent "${chosen}" (accepted: ${values.join(', ')})`,
  ]);
}

function anthropicBudget(reasoning: ReasoningSetting): ReasoningPlan {
  if (reasoning === null) return plan({}, false, null);
  if (reasoning === 'off') return plan({ thinking: { type: 'disabled' } }, false, null);
  const budget = THINKING_ALLOWANCE[reasoning];
  return {
    fields: { thinking: { type: 'enabled', budget_tokens: budget } },
    thinking: true,
    allowance: budget,
    budget: Math.max(budget, ANTHROPIC_MIN_BUDGET),
    notes: [],
  };
}

function anthropicAdaptive(
  reasoning: ReasoningSetting,
  control: Extract<ReasoningControl, { kind: 'anthropic-adaptive' }>,
  context: ReasoningContext,
): ReasoningPlan {
  const adaptive = { type: 'adaptive' };
  if (reasoning === null) return plan({}, context.row.thinksByDefault, 'high');
  if (reasoning === 'off') {
    if (control.off === 'disabled') return plan({ thinking: { type: 'disabled' } }, false, null);
    if (control.off === 'omit') return plan({}, false, null);
    return plan({ thinking: adaptive, output_config: { effort: control.efforts[0] } }, true, 'low', [
      `${context.provider}:${context.modelId} always thinks; sent adaptive thinking with effort "${control.efforts[0]}", its lowest setting`,
    ]);
  }
  if (reasoning === 'on') return plan({ thinking: adaptive }, true, 'high');
  return plan({ thinking: adaptive, output_config: { effort: reasoning } }, true, reasoning);
}

function geminiBudget(
  reasoning: ReasoningSetting,
  control: Extract<ReasoningControl, { kind: 'gemini-budget' }>,
  context: ReasoningContext,
): ReasoningPlan {
  const name = `${context.provider}:${context.modelId}`;
  if (reasoning === null) return plan({}, context.row.thinksByDefault, 'medium');
  if (reasoning === 'off') {
    if (control.canDisable) return plan({ thinkingConfig: { thinkingBudget: 0 } }, false, null);
    const budget = control.min;
    return {
      fields: { thinkingConfig: { thinkingBudget: budget, includeThoughts: true } },
      thinking: true,
      allowance: budget,
      budget,
      notes: [`${name} cannot stop thinking; sent thinkingBudget ${budget}, its lowest`],
    };
  }
  if (reasoning === 'on') return plan({ thinkingConfig: { thinkingBudget: -1, includeThoughts: true } }, true, 'high');
  const asked = THINKING_ALLOWANCE[reasoning];
  const budget = Math.min(control.max, Math.max(control.min, asked));
  const notes = budget !== asked ? [`${name} takes thinkingBudget ${control.min}–${control.max}; sent ${budget}`] : [];
  return {
    fields: { thinkingConfig: { thinkingBudget: budget, includeThoughts: true } },
    thinking: true,
    allowance: budget,
    budget,
    notes,
  };
}

const GEMINI_ORDER: readonly GeminiThinkingLevel[] = ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'];

function geminiLevel(
  reasoning: ReasoningSetting,
  control: Extract<ReasoningControl, { kind: 'gemini-level' }>,
  context: ReasoningContext,
): ReasoningPlan {
  const name = `${context.provider}:${context.modelId}`;
  const lowest = control.levels[0]!;
  if (reasoning === null) return plan({}, true, 'high');
  if (reasoning === 'off') {
    return plan({ thinkingConfig: { thinkingLevel: lowest } }, true, lowest === 'MINIMAL' ? 'minimal' : 'low', [
      `${name} cannot stop thinking; sent thinkingLevel ${lowest}, its lowest`,
    ]);
  }
  if (reasoning === 'on') return plan({ thinkingConfig: { includeThoughts: true } }, true, 'high');
  const asked = reasoning.toUpperCase() as GeminiThinkingLevel;
  const level = control.levels.includes(asked) ? asked : nearest(asked, GEMINI_ORDER, control.levels);
  const notes = level !== asked ? [`${name} takes thinkingLevel ${control.levels.join(', ')}; sent ${level}`] : [];
  return plan(
    { thinkingConfig: { thinkingLevel: level, includeThoughts: true } },
    true,
    level === 'MINIMAL' ? 'minimal' : (level.toLowerCase() as AllowanceLevel),
    notes,
  );
}

/** https://openrouter.ai/docs/use-cases/reasoning-tokens — OpenRouter maps these onto each upstream. */
function openRouterReasoning(
  reasoning: ReasoningSetting,
  context: ReasoningContext,
  creatorCanStop: boolean,
): ReasoningPlan {
  if (reasoning === null) return plan({}, false, null);
  if (reasoning === 'off') {
    if (creatorCanStop) return plan({ reasoning: { effort: 'none' } }, false, null);
    return plan({ reasoning: { effort: 'minimal' } }, true, 'minimal', [
      `${context.modelId} cannot stop reasoning (its creator's rules); sent reasoning effort "minimal", the lowest`,
    ]);
  }
  if (reasoning === 'on') return plan({ reasoning: { enabled: true } }, true, 'on');
  return plan({ reasoning: { effort: reasoning } }, true, reasoning);
}

/** Whether the creator's row lets reasoning be switched off (unknown creators: assume yes). */
export function canStopReasoning(row: ModelCapability | null): boolean {
  if (!row) return true;
  const control = row.reasoning;
  if (control.kind === 'openai-effort') return control.values.includes('none') || !row.thinksByDefault;
  if (control.kind === 'anthropic-adaptive') return control.off !== 'impossible';
  if (control.kind === 'gemini-budget') return control.canDisable;
  if (control.kind === 'gemini-level') return false;
  if (control.kind === 'none') return !row.thinksByDefault;
  return true;
}

/** Turn a reasoning setting into the fields this model accepts. */
export function planReasoning(
  reasoning: ReasoningSetting,
  context: ReasoningContext,
  creator: ModelCapability | null = null,
): ReasoningPlan {
  const control = context.row.reasoning;
  const name = `${context.provider}:${context.modelId}`;
  switch (control.kind) {
    case 'none':
      if (reasoning === null)
        return plan({}, context.row.thinksByDefault, context.row.thinksByDefault ? 'medium' : null);
      if (reasoning === 'off') {
        return context.row.thinksByDefault
          ? plan({}, true, 'medium', [`${name} always reasons and has no switch; reasoning "off" sent nothing`])
          : plan({}, false, null);
      }
      if (reasoning === 'on' && context.row.thinksByDefault) return plan({}, true, 'medium');
      return refuse(
        context,
        `reasoning "${reasoning}"`,
        context.row.reasoningHint ??
          (context.row.thinksByDefault
            ? 'this model reasons always and takes no effort setting; leave --reasoning unset'
            : 'this model has no reasoning; leave --reasoning unset or pick a reasoning model'),
      );
    case 'openai-effort':
      return openAIEffort(reasoning, control, context);
    case 'anthropic-budget':
      return anthropicBudget(reasoning);
    case 'anthropic-adaptive':
      return anthropicAdaptive(reasoning, control, context);
    case 'gemini-budget':
      return geminiBudget(reasoning, control, context);
    case 'gemini-level':
      return geminiLevel(reasoning, control, context);
    case 'openrouter':
      return openRouterReasoning(reasoning, context, canStopReasoning(creator));
    case 'host-mapper': {
      try {
        const fields = control.mapper(reasoning, context.provider);
        return plan(
          fields,
          reasoning !== null && reasoning !== 'off',
          reasoning === null || reasoning === 'off' ? null : reasoning,
        );
      } catch (error) {
        if (context.onRefused === 'error') throw error;
        return {
          fields: {},
          thinking: false,
          allowance: 0,
          budget: null,
          notes: [`reasoning "${reasoning}" not sent: ${(error as Error).message}`],
        };
      }
    }
  }
}
