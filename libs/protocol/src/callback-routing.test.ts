import { exampleCreateCallbackRequest } from './examples';
import { CreateCallbackRequest } from './callback-request';

describe('CreateCallbackRequest caller id and routing (issue 14)', () => {
  const parse = (extra: Record<string, unknown>) => CreateCallbackRequest.safeParse({ ...exampleCreateCallbackRequest(), ...extra });

  it('takes a caller id, its name and routing preferences', () => {
    const parsed = parse({ callerId: '+14155550100', callerIdName: 'Acme Support', routing: { skills: ['routers'], language: 'de-DE', priority: 5, preferredAgentIds: ['agent-ada'] } });
    expect(parsed.success && parsed.data).toMatchObject({ callerId: '+14155550100', routing: { skills: ['routers'], priority: 5 } });
  });

  it.each([
    [{ callerId: '4155550100' }, ['callerId']],
    [{ callerIdName: ' ' }, ['callerIdName']],
    [{ routing: {} }, ['routing']],
    [{ routing: { priority: -1 } }, ['routing', 'priority']],
    [{ routing: { language: 'german' } }, ['routing', 'language']],
    [{ routing: { preferredAgentIds: ['Not A Slug'] } }, ['routing', 'preferredAgentIds', 0]],
    [{ routing: { skills: ['x'], queue: 'q' } }, ['routing']],
  ])('refuses %j at %j', (extra, path) => {
    const parsed = parse(extra);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(path);
  });
});
