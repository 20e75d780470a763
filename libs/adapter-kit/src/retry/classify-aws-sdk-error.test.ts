import { classifyAwsSdkError } from './classify-aws-sdk-error';

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
