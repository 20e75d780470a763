import { interactionHref, parseRoute, routeHref } from './route';

describe('parseRoute', () => {
  it.each([
    ['#/inbox', { page: 'inbox' }],
    ['#/callbacks/', { page: 'callbacks' }],
    ['#/supervisor', { page: 'supervisor' }],
    ['#/interactions/ix-0001', { page: 'interaction', interactionId: 'ix-0001' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each(['', '#/', '#/nowhere', '#/interactions/', '#/interactions/%E0%A4%A'])('%s names no page', (hash) => {
    expect(parseRoute(hash)).toBeUndefined();
  });

  it('round-trips interaction ids through the href', () => {
    expect(parseRoute(interactionHref('ix:42/a'))).toEqual({ page: 'interaction', interactionId: 'ix:42/a' });
    expect(routeHref({ page: 'callbacks' })).toBe('#/callbacks');
  });
});
