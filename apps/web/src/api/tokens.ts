// HTTP calls for personal API tokens: create (the secret is returned once), list, revoke.
import { Routes, TokenList, CreatedToken } from '@glossa/contracts';
import { apiRequest, apiSend, fillPath } from './client';

export function createApiToken(name: string): Promise<CreatedToken> {
  return apiRequest(Routes.tokens, CreatedToken, { method: 'POST', json: { name } });
}

export function listApiTokens(signal?: AbortSignal): Promise<TokenList> {
  return apiRequest(Routes.tokens, TokenList, { signal });
}

export function revokeApiToken(id: string): Promise<void> {
  return apiSend(fillPath(Routes.token, { id }), { method: 'DELETE' });
}
