/** Parse a response body as JSON; return the text itself when it is not JSON (classifiers expect that). */
export function parseBody(rawBody: string): unknown {
  if (rawBody.trim() === '') return rawBody;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}
