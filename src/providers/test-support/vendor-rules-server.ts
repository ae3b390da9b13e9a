import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server that speaks OpenAI Chat Completions, Anthropic Messages and Gemini
 * generateContent and enforces what each vendor documents, answering 400/404 where the vendor
 * would. Its rules are written here from the vendors' documentation, independently of Candor's
 * capability table, so a test against it checks the table rather than repeating it.
 *
 * Thinking is simulated: a reasoning model spends tokens thinking (by effort or budget) and those
 * tokens come out of the output cap, so a cap without room for the answer ends in a truncation.
 */
export interface VendorRulesServer {
  /** Base URL without the version segment, e.g. http://127.0.0.1:5123 (clients add /v1 or /v1beta). */
  url: string;
  /** Every request body received, with its path. */
  requests: Array<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** Tokens of an answer text (about four characters each). */
const tokensOf = (text: string) => Math.ceil(text.length / 4);
const THINKING_BY_EFFORT: Record<string, number> = {
  none: 0,
  minimal: 100,
  low: 600,
  medium: 1500,
  high: 3000,
  xhigh: 5000,
  max: 6000,
};

type Reply = { status: number; body: unknown };
const openAIError = (status: number, message: string, param: string | null, code: string): Reply => ({
  status,
  body: { error: { message, type: 'invalid_request_error', param, code } },
});
const anthropicError = (status: number, message: string): Reply => ({
  status,
  body: { type: 'error', error: { type: status === 404 ? 'not_found_error' : 'invalid_request_error', message } },
});
const geminiError = (status: number, message: string): Reply => ({
  status,
  body: { error: { code: status, message, status: status === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT' } },
});

/** The answer text: a verdict for a judge prompt (Candor's rubric asks for LABEL), an essay otherwise. */
function answerFor(prompt: string): string {
  return /\bLABEL\b/.test(prompt)
    ? 'ANALYSIS: The response does what was asked.\nLABEL: COMPLETE'
    : 'Here is the essay you asked for, in full.';
}

/** https://platform.openai.com/docs/api-reference/chat/create and https://platform.openai.com/docs/guides/reasoning */
const OPENAI_MODELS: Record<
  string,
  { efforts: string[] | null; defaultEffort: string; temperature: 'yes' | 'no' | 'effort-none' }
> = {
  'gpt-4o': { efforts: null, defaultEffort: 'none', temperature: 'yes' },
  'o4-mini': { efforts: ['low', 'medium', 'high'], defaultEffort: 'medium', temperature: 'no' },
  'gpt-5-mini': { efforts: ['minimal', 'low', 'medium', 'high'], defaultEffort: 'medium', temperature: 'no' },
  'gpt-5.1': { efforts: ['none', 'low', 'medium', 'high'], defaultEffort: 'none', temperature: 'effort-none' },
};

function openAIChat(body: Record<string, unknown>): Reply {
  const model = String(body['model']);
  const rules = OPENAI_MODELS[model];
  if (!rules)
    return openAIError(
      404,
      `The model \`${model}\` does not exist or you do not have access to it.`,
      null,
      'model_not_found',
    );
  const effortSent = body['reasoning_effort'];
  if (effortSent !== undefined && rules.efforts === null)
    return openAIError(
      400,
      'Unrecognized request argument supplied: reasoning_effort',
      'reasoning_effort',
      'unsupported_parameter',
    );
  if (effortSent !== undefined && !rules.efforts!.includes(String(effortSent))) {
    return openAIError(
      400,
      `Unsupported value: '${String(effortSent)}' is not supported with the '${model}' model. Supported values are: ${rules.efforts!.map((value) => `'${value}'`).join(', ')}.`,
      'reasoning_effort',
      'unsupported_value',
    );
  }
  if (rules.efforts !== null && body['max_tokens'] !== undefined) {
    return openAIError(
      400,
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  }
  const effort = effortSent === undefined ? rules.defaultEffort : String(effortSent);
  if (
    body['temperature'] !== undefined &&
    body['temperature'] !== 1 &&
    (rules.temperature === 'no' || (rules.temperature === 'effort-none' && effort !== 'none'))
  ) {
    return openAIError(
      400,
      `Unsupported value: 'temperature' does not support ${String(body['temperature'])} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  }
  const cap = Number(body['max_completion_tokens'] ?? body['max_tokens'] ?? 100_000);
  const thinking = rules.efforts === null ? 0 : THINKING_BY_EFFORT[effort]!;
  const messages = body['messages'] as Array<{ content: string }>;
  const answer = answerFor(messages.at(-1)!.content);
  const truncated = thinking + tokensOf(answer) > cap;
  return {
    status: 200,
    body: {
      id: 'chatcmpl-rules',
      object: 'chat.completion',
      created: 1_760_000_000,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: truncated ? '' : answer, refusal: null },
          logprobs: null,
          finish_reason: truncated ? 'length' : 'stop',
        },
      ],
      usage: {
        prompt_tokens: 50,
        completion_tokens: Math.min(cap, thinking + tokensOf(answer)),
        total_tokens: 50 + Math.min(cap, thinking + tokensOf(answer)),
        completion_tokens_details: { reasoning_tokens: Math.min(cap, thinking) },
      },
    },
  };
}

/** https://platform.claude.com/docs/en/api/messages, …/extended-thinking, …/adaptive-thinking */
const ANTHROPIC_MODELS: Record<string, 'none' | 'budget' | 'adaptive-only'> = {
  'claude-3-5-haiku-latest': 'none',
  'claude-sonnet-4-5': 'budget',
  'claude-opus-4-7': 'adaptive-only',
};

function anthropicMessages(body: Record<string, unknown>): Reply {
  const model = String(body['model']);
  const kind = ANTHROPIC_MODELS[model];
  if (!kind) return anthropicError(404, `model: ${model}`);
  if (typeof body['max_tokens'] !== 'number') return anthropicError(400, 'max_tokens: Field required');
  const maxTokens = body['max_tokens'];
  const thinking = body['thinking'] as { type: string; budget_tokens?: number } | undefined;
  const effort = (body['output_config'] as { effort?: string } | undefined)?.effort;
  if (kind === 'adaptive-only' && body['temperature'] !== undefined)
    return anthropicError(400, 'temperature is deprecated for this model.');
  if (thinking && kind === 'none')
    return anthropicError(400, `thinking: extended thinking is not supported by ${model}`);
  if (thinking?.type === 'enabled' && kind === 'adaptive-only')
    return anthropicError(
      400,
      '"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.',
    );
  if (thinking?.type === 'adaptive' && kind !== 'adaptive-only')
    return anthropicError(400, `thinking.type.adaptive is not supported by ${model}`);
  if (thinking?.type === 'enabled') {
    const budget = thinking.budget_tokens ?? 0;
    if (budget < 1024)
      return anthropicError(400, 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
    if (budget >= maxTokens) return anthropicError(400, '`max_tokens` must be greater than `thinking.budget_tokens`');
  }
  const thinks = thinking?.type === 'enabled' || thinking?.type === 'adaptive';
  if (thinks && body['temperature'] !== undefined && body['temperature'] !== 1)
    return anthropicError(400, '`temperature` may only be set to 1 when thinking is enabled.');
  const spent =
    thinking?.type === 'enabled'
      ? Math.min(thinking.budget_tokens!, 2000)
      : thinking?.type === 'adaptive'
        ? THINKING_BY_EFFORT[effort ?? 'high']!
        : 0;
  const answer = answerFor((body['messages'] as Array<{ content: string }>).at(-1)!.content);
  const truncated = spent + tokensOf(answer) > maxTokens;
  return {
    status: 200,
    body: {
      id: 'msg_rules',
      type: 'message',
      role: 'assistant',
      model,
      content: [
        ...(thinks ? [{ type: 'thinking', thinking: 'Considering the request.', signature: 'sig' }] : []),
        ...(truncated ? [] : [{ type: 'text', text: answer }]),
      ],
      stop_reason: truncated ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 50, output_tokens: Math.min(maxTokens, spent + tokensOf(answer)) },
    },
  };
}

/** https://ai.google.dev/gemini-api/docs/thinking and …/gemini-3 */
const GEMINI_MODELS: Record<string, { budget: [number, number] | null; canDisable: boolean; levels: string[] | null }> =
  {
    'gemini-2.5-pro': { budget: [128, 32_768], canDisable: false, levels: null },
    'gemini-2.5-flash': { budget: [1, 24_576], canDisable: true, levels: null },
    'gemini-3-pro-preview': { budget: null, canDisable: false, levels: ['LOW', 'HIGH'] },
  };

function geminiGenerate(model: string, body: Record<string, unknown>): Reply {
  const rules = GEMINI_MODELS[model];
  if (!rules)
    return geminiError(
      404,
      `models/${model} is not found for API version v1beta, or is not supported for generateContent.`,
    );
  const config = (body['generationConfig'] ?? {}) as {
    maxOutputTokens?: number;
    thinkingConfig?: { thinkingBudget?: number; thinkingLevel?: string };
  };
  const thinkingConfig = config.thinkingConfig ?? {};
  const { thinkingBudget, thinkingLevel } = thinkingConfig;
  if (thinkingBudget !== undefined && thinkingLevel !== undefined)
    return geminiError(400, 'You can only set either thinking budget or thinking level.');
  if (thinkingLevel !== undefined && (rules.levels === null || !rules.levels.includes(thinkingLevel)))
    return geminiError(400, `Thinking level ${thinkingLevel} is not supported for this model.`);
  if (thinkingBudget === 0 && !rules.canDisable)
    return geminiError(400, 'Budget 0 is invalid. This model only works in thinking mode.');
  if (
    thinkingBudget !== undefined &&
    thinkingBudget > 0 &&
    rules.budget &&
    (thinkingBudget < rules.budget[0] || thinkingBudget > rules.budget[1])
  ) {
    return geminiError(
      400,
      `The thinking budget ${thinkingBudget} is invalid. Please choose a value between ${rules.budget[0]} and ${rules.budget[1]}.`,
    );
  }
  const spent =
    thinkingBudget === 0
      ? 0
      : thinkingBudget !== undefined && thinkingBudget > 0
        ? Math.min(thinkingBudget, 2000)
        : thinkingLevel === 'LOW'
          ? 600
          : 2000;
  const cap = config.maxOutputTokens ?? 65_536;
  const answer = answerFor((body['contents'] as Array<{ parts: Array<{ text: string }> }>).at(-1)!.parts[0]!.text);
  const truncated = spent + tokensOf(answer) > cap;
  return {
    status: 200,
    body: {
      candidates: [
        {
          content: { role: 'model', parts: truncated ? [] : [{ text: answer }] },
          finishReason: truncated ? 'MAX_TOKENS' : 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 50,
        candidatesTokenCount: truncated ? 0 : tokensOf(answer),
        thoughtsTokenCount: Math.min(cap, spent),
        totalTokenCount: 50 + Math.min(cap, spent + tokensOf(answer)),
      },
      modelVersion: model,
    },
  };
}

function route(path: string, headers: IncomingMessage['headers'], body: Record<string, unknown>): Reply {
  if (path === '/v1/chat/completions') {
    if (!String(headers['authorization'] ?? '').startsWith('Bearer '))
      return openAIError(401, "You didn't provide an API key.", null, 'invalid_api_key');
    return openAIChat(body);
  }
  if (path === '/v1/messages') {
    // The API takes the key as x-api-key (Candor) or Authorization: Bearer (@anthropic-ai/sdk 1.x).
    if (!headers['x-api-key'] && !String(headers['authorization'] ?? '').startsWith('Bearer '))
      return anthropicError(401, 'x-api-key header is required');
    if (!headers['anthropic-version']) return anthropicError(400, 'anthropic-version: header is required');
    return anthropicMessages(body);
  }
  const gemini = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(path);
  if (gemini) {
    if (!headers['x-goog-api-key']) return geminiError(401, 'API key not valid. Please pass a valid API key.');
    return geminiGenerate(decodeURIComponent(gemini[1]!), body);
  }
  return { status: 404, body: { error: { message: `no route ${path}` } } };
}

export async function startVendorRulesServer(): Promise<VendorRulesServer> {
  const requests: VendorRulesServer['requests'] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const path = (request.url ?? '/').split('?')[0]!;
      requests.push({ path, body });
      const reply = route(path, request.headers, body);
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
