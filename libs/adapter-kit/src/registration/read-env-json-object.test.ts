import { readEnvJsonObject } from './read-env-json-object';

describe('readEnvJsonObject', () => {
  const example = '{"support":"<queue id>"}';

  it('reads the variable as JSON, and unset or empty as absent', () => {
    expect(readEnvJsonObject({ QUEUE_MAP: '{"support":"q-7"}' }, 'QUEUE_MAP', example)).toEqual({ support: 'q-7' });
    expect(readEnvJsonObject({}, 'QUEUE_MAP', example)).toBeUndefined();
    expect(readEnvJsonObject({ QUEUE_MAP: '' }, 'QUEUE_MAP', example)).toBeUndefined();
  });

  it('names the variable and an example when the JSON does not parse', () => {
    expect(() => readEnvJsonObject({ QUEUE_MAP: '{oops' }, 'QUEUE_MAP', example)).toThrow('QUEUE_MAP: expected a JSON object of strings such as {"support":"<queue id>"}');
  });

  it('treats a blank variable as absent and refuses values that are not strings', () => {
    expect(readEnvJsonObject({ QUEUE_MAP: '  ' }, 'QUEUE_MAP', example)).toBeUndefined();
    expect(() => readEnvJsonObject({ QUEUE_MAP: '{"support":7}' }, 'QUEUE_MAP', example)).toThrow('QUEUE_MAP: expected a JSON object of strings');
  });
});
