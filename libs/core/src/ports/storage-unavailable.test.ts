import { IccError } from '../errors';
import { storageUnavailable } from './storage-unavailable';

describe('storageUnavailable', () => {
  it('says what failed, that nothing was saved and what to do, keeping the cause', () => {
    const cause = Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    const error = storageUnavailable({ doing: 'write', code: 'ENOSPC', reason: 'disk full', advice: 'Free disk space, then retry' }, cause);
    expect(error).toBeInstanceOf(IccError);
    expect(error).toMatchObject({ code: 'storage_unavailable', cause });
    expect(error.message).toBe('The event store cannot write (ENOSPC: disk full); nothing was saved. Free disk space, then retry');
  });
});
