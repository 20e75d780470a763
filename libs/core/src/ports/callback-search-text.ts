import type { Callback } from '@icc/protocol';

/**
 * What `ListCallbacksQuery.search` matches, lower-cased: customer name, callback number, phone
 * numbers and short description. A search matches when this text contains it.
 */
export function callbackSearchText(callback: Callback): string {
  const { firstName, lastName, phoneNumbers } = callback.customer;
  return [`${firstName} ${lastName}`, callback.number, ...phoneNumbers, callback.shortDescription]
    .join('\n')
    .toLowerCase();
}

export function normalizeCallbackSearch(search: string): string {
  return search.trim().toLowerCase();
}
