/** Replace every exact occurrence of a secret with [redacted] (servers sometimes echo the key in auth errors). */
export function redactSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < 8) return text;
  return text.split(secret).join('[redacted]');
}
