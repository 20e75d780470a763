import { exampleQueueConfig } from './examples';
import { CreateQueueRequest, ReplaceQueueRequest, UpdateQueueRequest } from './queue-config-requests';

describe('queue configuration requests', () => {
  it('PATCH keeps what it does not name: no default fills an absent field', () => {
    expect(UpdateQueueRequest.parse({ name: 'Support EMEA' })).toEqual({ name: 'Support EMEA' });
    expect(UpdateQueueRequest.parse({ closingReasons: null })).toEqual({ closingReasons: null });
  });

  it('PATCH names at least one field', () => {
    expect(UpdateQueueRequest.safeParse({}).error?.issues.map((issue) => issue.message)).toEqual(['Name at least one field to change']);
  });

  it('leaves the version to the gateway and the id to the path', () => {
    const { id: _id, ...settings } = exampleQueueConfig();
    expect(CreateQueueRequest.safeParse({ ...exampleQueueConfig(), version: 2 }).success).toBe(false);
    expect(ReplaceQueueRequest.safeParse({ ...settings, id: 'q-other' }).success).toBe(false);
    expect(ReplaceQueueRequest.safeParse(settings).success).toBe(true);
  });
});
