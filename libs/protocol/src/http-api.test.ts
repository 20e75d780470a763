import { CallbackPage, DevTokenRequest, ListCallbacksQuery, ListInteractionsQuery, TokenResponse } from './http-api';
import { exampleAgent, exampleCallback } from './examples';

describe('list queries', () => {
  it('coerces the limit from the query string and defaults it to 50', () => {
    expect(ListCallbacksQuery.parse({ limit: '20', state: 'pending' })).toEqual({ limit: 20, state: 'pending' });
    expect(ListInteractionsQuery.parse({})).toEqual({ limit: 50 });
  });

  it.each([
    [{ limit: '0' }, ['limit']],
    [{ limit: '201' }, ['limit']],
    [{ limit: 'ten' }, ['limit']],
    [{ state: 'open' }, ['state']],
  ])('rejects %j', (query, path) => {
    expect(ListCallbacksQuery.safeParse(query).error?.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('rejects unknown query parameters so typos are not ignored', () => {
    expect(ListInteractionsQuery.safeParse({ agent: 'agent-ada' }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('bodies', () => {
  it('accepts a callback page, a dev token request and a token response', () => {
    expect(CallbackPage.safeParse({ items: [exampleCallback()], nextCursor: null }).success).toBe(true);
    expect(DevTokenRequest.safeParse({ agentId: 'agent-ada' }).success).toBe(true);
    expect(TokenResponse.safeParse({ token: 'jwt', agent: exampleAgent(), expiresAt: '2026-03-10T22:00:00Z' }).success).toBe(true);
  });

  it('requires nextCursor to be present, even when there is no next page', () => {
    expect(CallbackPage.safeParse({ items: [] }).error?.issues.map((issue) => issue.path)).toEqual([['nextCursor']]);
  });
});
