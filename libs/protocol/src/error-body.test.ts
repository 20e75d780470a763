import { CreateCallbackRequest } from './callback-request';
import { ErrorBody, toErrorIssues, validationError } from './error-body';
import { exampleCreateCallbackRequest, exampleCustomer } from './examples';

describe('validationError', () => {
  it('produces a validation_failed body that keeps every issue path', () => {
    const result = CreateCallbackRequest.safeParse({
      ...exampleCreateCallbackRequest({ customer: exampleCustomer({ phoneNumbers: ['415 555 2671'], timeZone: 'Mars/Base' }) }),
      priority: 1,
    });
    if (result.success) throw new Error('expected the request to be invalid');
    const body = validationError(result.error, 'Callback request');
    expect(body.code).toBe('validation_failed');
    expect(body.message).toBe(
      'Callback request is invalid at customer.phoneNumbers.0: Expected a valid phone number in E.164 form, e.g. +14155552671',
    );
    expect(body.issues?.map((issue) => issue.path)).toEqual([['customer', 'phoneNumbers', 0], ['customer', 'timeZone'], []]);
    expect(body.issues?.map((issue) => issue.code)).toEqual(['custom', 'custom', 'unrecognized_keys']);
    expect(ErrorBody.safeParse(body).success).toBe(true);
  });

  it('omits the location when the problem is the whole body', () => {
    const result = CreateCallbackRequest.safeParse('not an object');
    if (result.success) throw new Error('expected the request to be invalid');
    const body = validationError(result.error);
    expect(body.message).toMatch(/^Request is invalid: /);
    expect(body.issues).toEqual([expect.objectContaining({ path: [], code: 'invalid_type' })]);
  });
});

describe('toErrorIssues', () => {
  it('turns symbol path segments into strings so the body stays JSON', () => {
    const issues = toErrorIssues([{ code: 'custom', path: ['a', 0, Symbol('b')], message: 'bad', input: undefined }]);
    expect(issues).toEqual([{ path: ['a', 0, 'Symbol(b)'], message: 'bad', code: 'custom' }]);
    expect(JSON.parse(JSON.stringify(issues))).toEqual(issues);
  });
});
