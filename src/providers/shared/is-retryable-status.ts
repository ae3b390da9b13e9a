/** HTTP statuses worth retrying: timeouts, conflicts, too-early, rate limits, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}
