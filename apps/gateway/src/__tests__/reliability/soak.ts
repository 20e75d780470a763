/** `npm run test:soak` sets ICC_SOAK=1: the same suites, longer and with more cases. */
export const SOAK = process.env['ICC_SOAK'] === '1';

export function soakOr<T>(short: T, soak: T): T {
  return SOAK ? soak : short;
}
