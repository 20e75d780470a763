import { AdapterError, IccError } from '@icc/core';
import { conflictOnStateRefusal } from './conflict-on-state-refusal';

const options = (onRefused = jest.fn()) => ({ statuses: new Set([409]), describe: (refusal: AdapterError) => `refused: ${refusal.message}`, onRefused });

describe('conflictOnStateRefusal', () => {
  it('turns a refusal in state into invalid_transition, and says so first', async () => {
    const onRefused = jest.fn();
    const refused = conflictOnStateRefusal(Promise.reject(new AdapterError('HTTP 409', false, 409)), options(onRefused));
    await expect(refused).rejects.toBeInstanceOf(IccError);
    await expect(refused).rejects.toMatchObject({ code: 'invalid_transition', message: 'refused: HTTP 409' });
    expect(onRefused).toHaveBeenCalledTimes(1);
  });

  it('leaves outages, other statuses and other errors as they are', async () => {
    const onRefused = jest.fn();
    for (const error of [new AdapterError('HTTP 503', true, 503), new AdapterError('HTTP 401', false, 401), new Error('socket hang up')]) {
      await expect(conflictOnStateRefusal(Promise.reject(error), options(onRefused))).rejects.toBe(error);
    }
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('narrowed to vendor codes, leaves the same status with another code as it is (a bad parameter is no refusal in state)', async () => {
    const byCode = { statuses: new Set([400]), codes: new Set(['InvalidRequestException']), describe: () => 'refused in state' };
    await expect(conflictOnStateRefusal(Promise.reject(new AdapterError('HTTP 400', false, 400, 'InvalidRequestException')), byCode)).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    const badParameter = new AdapterError('HTTP 400', false, 400, 'InvalidParameterException');
    await expect(conflictOnStateRefusal(Promise.reject(badParameter), byCode)).rejects.toBe(badParameter);
  });

  it('passes answers through', async () => {
    await expect(conflictOnStateRefusal(Promise.resolve(42), options())).resolves.toBe(42);
  });
});
