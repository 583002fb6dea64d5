import type { Client } from "urql";

import { LoginDocument, RefreshTokenDocument } from "../gql/graphql";
import { problemsOf, type Problem } from "./problems";
import { loadTokens, needsRefresh, saveTokens, tokensFrom, type Tokens } from "./session";

/**
 * Holds the tokens of the logged-in user and refreshes the access token before it expires.
 * `anonymousClient` sends no token: it is the one login and refresh go through.
 */
export class SessionStore {
  private tokens: Tokens | null;
  private refreshing: Promise<Tokens | null> | null = null;
  private readonly listeners = new Set<() => void>();
  /** Changes when another user (or nobody) logs in, so cached answers of the last one are dropped. */
  generation = 0;

  constructor(
    private readonly tenant: string,
    private readonly anonymousClient: () => Client,
  ) {
    this.tokens = loadTokens(tenant);
  }

  get loggedIn(): boolean {
    return this.tokens !== null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The access token to send, refreshed first when it is about to expire. */
  async accessToken(): Promise<string | null> {
    if (!this.tokens) return null;
    if (needsRefresh(this.tokens)) {
      this.refreshing ??= this.refresh(this.tokens).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.tokens?.accessToken ?? null;
  }

  /** Logs in; the problems the server found, empty on success. */
  async login(username: string, password: string): Promise<Problem[]> {
    const result = await this.anonymousClient()
      .mutation(LoginDocument, { input: { username, password } })
      .toPromise();
    const payload = result.data?.login;
    const problems = problemsOf(payload?.errors, result.error);
    if (!problems.length && payload) this.replace(tokensFrom(payload), true);
    return problems;
  }

  logout(): void {
    this.replace(null, true);
  }

  private async refresh(tokens: Tokens): Promise<Tokens | null> {
    const result = await this.anonymousClient()
      .mutation(RefreshTokenDocument, { input: { refreshToken: tokens.refreshToken } })
      .toPromise();
    const payload = result.data?.refreshToken;
    const renewed = payload && !payload.errors.length ? tokensFrom(payload) : null;
    this.replace(renewed, renewed === null);
    return this.tokens;
  }

  private replace(tokens: Tokens | null, newUser: boolean): void {
    this.tokens = tokens;
    if (newUser) this.generation += 1;
    saveTokens(this.tenant, tokens);
    this.listeners.forEach((listener) => listener());
  }
}
