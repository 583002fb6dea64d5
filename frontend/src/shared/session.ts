/**
 * The logged-in user's tokens, kept per municipality in localStorage so a reload keeps the
 * session; the access token is refreshed with the refresh token shortly before it expires.
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
}

const REFRESH_MARGIN_MS = 30_000;

function key(tenant: string): string {
  return `sportello:${tenant}:session`;
}

export function loadTokens(tenant: string): Tokens | null {
  try {
    const raw = window.localStorage.getItem(key(tenant));
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function saveTokens(tenant: string, tokens: Tokens | null): void {
  if (tokens) window.localStorage.setItem(key(tenant), JSON.stringify(tokens));
  else window.localStorage.removeItem(key(tenant));
}

export function tokensFrom(
  payload: { accessToken?: string | null; refreshToken?: string | null; expiresIn?: number | null },
  now = Date.now(),
): Tokens | null {
  if (!payload.accessToken || !payload.refreshToken) return null;
  return {
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    expiresAt: now + (payload.expiresIn ?? 0) * 1000,
  };
}

export function needsRefresh(tokens: Tokens, now = Date.now()): boolean {
  return tokens.expiresAt - REFRESH_MARGIN_MS <= now;
}
