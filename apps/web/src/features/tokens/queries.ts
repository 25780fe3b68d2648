// Query-cache hooks for the signed-in person's API tokens: list, create, revoke.
import type { TokenList, TokenSummary, CreatedToken } from '@glossa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiToken, listApiTokens, revokeApiToken } from '../../api/tokens';

export const tokenKeys = {
  all: ['tokens'] as const,
};

export function useApiTokens() {
  return useQuery({ queryKey: tokenKeys.all, queryFn: ({ signal }) => listApiTokens(signal) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation<CreatedToken, Error, string>({
    mutationFn: createApiToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, TokenSummary>({
    mutationFn: (token) => revokeApiToken(token.id),
    onSuccess: (_, token) => {
      queryClient.setQueryData<TokenList>(tokenKeys.all, (list) => (list ? { items: list.items.filter((item) => item.id !== token.id) } : list));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
