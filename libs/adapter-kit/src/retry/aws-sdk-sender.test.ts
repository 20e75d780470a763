import { classifyAwsSdkError, createAwsSdkSender, type AwsSdkCommand } from './aws-sdk-sender';

const sdkError = (name: string, status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, $response: { headers } });

describe('classifyAwsSdkError', () => {
  it("reads the status, the exception name and Retry-After, and knows AWS's throttling names", () => {
    expect(classifyAwsSdkError(sdkError('ThrottlingException', 429, { 'retry-after': '2' }))).toEqual({
      status: 429,
      code: 'ThrottlingException',
      throttled: true,
      retryAfter: '2',
      detail: 'ThrottlingException happened',
    });
    expect(classifyAwsSdkError(sdkError('ContactNotFoundException', 410))).toMatchObject({ status: 410, code: 'ContactNotFoundException', throttled: false });
  });

  it('classifies a network error that carries no answer', () => {
    expect(classifyAwsSdkError(new TypeError('fetch failed'))).toEqual({ code: 'TypeError', throttled: false, retryAfter: undefined, detail: 'fetch failed' });
  });
});

describe('createAwsSdkSender', () => {
  class StopThingCommand implements AwsSdkCommand<{ stopped: true }> {
    constructor(readonly input: { ThingId: string }) {}
    resolveMiddleware(): (args: never) => Promise<{ output: { stopped: true } }> {
      throw new Error('not sent through the SDK here');
    }
  }
  const sender = (answers: Array<() => Promise<unknown>>, signal = new AbortController().signal) => {
    const sent: unknown[] = [];
    const send = createAwsSdkSender({
      vendor: 'aws-thing',
      signal,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined },
      client: { send: (command: never) => (sent.push(command), (answers.shift() ?? (() => Promise.resolve({ stopped: true })))()) },
    });
    return { send, sent };
  };

  it('retries throttling, and names the operation after the command when it gives up', async () => {
    const throttled = () => Promise.reject(sdkError('ThrottlingException', 429));
    const { send, sent } = sender([throttled, throttled]);
    await expect(send(new StopThingCommand({ ThingId: 't-1' }))).resolves.toEqual({ stopped: true });
    expect(sent).toHaveLength(3);
    const refused = sender([() => Promise.reject(sdkError('ResourceNotFoundException', 404))]);
    await expect(refused.send(new StopThingCommand({ ThingId: 't-2' }))).rejects.toMatchObject({
      code: 'vendor_unavailable',
      retryable: false,
      vendorStatus: 404,
      vendorCode: 'ResourceNotFoundException',
      message: expect.stringContaining('aws-thing StopThing'),
    });
  });

  it('does not resend a call that is not idempotent after a 500', async () => {
    const { send, sent } = sender([() => Promise.reject(sdkError('InternalServiceException', 500))]);
    await expect(send(new StopThingCommand({ ThingId: 't-1' }), false)).rejects.toMatchObject({ vendorStatus: 500 });
    expect(sent).toHaveLength(1);
  });
});
