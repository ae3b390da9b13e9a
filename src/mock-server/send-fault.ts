import type { ServerResponse } from 'node:http';
import { buildCompletion, type CompletionParts } from './build-completion.js';
import type { MockFaultRule } from './mock-fault.js';
import { estimateTokens } from './read-prompt.js';
import { errorBody, sendJson } from './send-json.js';

/** Writes the answer for an injected fault. `normal` is the answer the request would otherwise get. */
export function sendFault(response: ServerResponse, rule: MockFaultRule, normal: CompletionParts): void {
  const requestId = { 'x-request-id': normal.id };
  switch (rule.fault) {
    case 'rate_limit': {
      const retryAfterMs = rule.retryAfterMs ?? 1000;
      sendJson(response, 429, errorBody('Rate limit exceeded: too many requests, retry shortly', 429), {
        ...requestId,
        'retry-after': Math.ceil(retryAfterMs / 1000),
        'retry-after-ms': retryAfterMs,
      });
      return;
    }
    case 'server_error_500':
      sendJson(response, 500, errorBody('Internal Server Error', 500), requestId);
      return;
    case 'server_error_502':
      sendJson(
        response,
        502,
        errorBody('Provider returned error', 502, { metadata: { provider_name: normal.upstream } }),
        requestId,
      );
      return;
    case 'server_error_503':
      sendJson(response, 503, errorBody('Service Unavailable: no instances available', 503), requestId);
      return;
    case 'timeout':
      // Accept and never answer; the response ends when the client gives up or the server closes.
      return;
    case 'reset':
      response.socket?.destroy();
      return;
    case 'malformed_json': {
      const text = JSON.stringify(buildCompletion(normal));
      sendJson(response, 200, text.slice(0, Math.floor(text.length / 2)), requestId);
      return;
    }
    case 'error_in_200':
      sendJson(
        response,
        200,
        errorBody(`Upstream error from ${normal.upstream}: internal error`, 502, {
          metadata: { provider_name: normal.upstream },
        }),
        requestId,
      );
      return;
    case 'content_filter': {
      const content = rule.content ?? '';
      sendJson(
        response,
        200,
        buildCompletion({
          ...normal,
          content,
          finishReason: 'content_filter',
          completionTokens: estimateTokens(content),
        }),
        requestId,
      );
      return;
    }
    case 'content_filter_400':
      sendJson(
        response,
        400,
        {
          error: {
            message: 'Input data may contain inappropriate content.',
            type: 'data_inspection_failed',
            code: 'data_inspection_failed',
          },
        },
        requestId,
      );
      return;
    case 'empty_stop':
      sendJson(
        response,
        200,
        buildCompletion({
          ...normal,
          content: '',
          reasoning: undefined,
          reasoningTokens: 0,
          finishReason: 'stop',
          completionTokens: 1,
        }),
        requestId,
      );
      return;
    case 'length': {
      const content = rule.content ?? normal.content.slice(0, Math.floor(normal.content.length / 2));
      sendJson(
        response,
        200,
        buildCompletion({ ...normal, content, finishReason: 'length', completionTokens: estimateTokens(content) }),
        requestId,
      );
      return;
    }
    case 'unknown_shape':
      sendJson(response, 200, { foo: 1 }, requestId);
      return;
  }
}
