import { CustomerStatusRefusal } from './customer-status-api';

/** What the customer reads when a request is refused (a wrong link reads like an unknown callback). */
export function refusalText(error: unknown): string {
  if (error instanceof CustomerStatusRefusal) {
    if (error.status === 404) return 'This link does not match a callback.';
    if (error.status === 429) return 'Too many tries from this device. Wait a minute, then try again.';
    return error.body.message ?? 'Something went wrong. Try again.';
  }
  return 'The connection failed. Check it, then try again.';
}
