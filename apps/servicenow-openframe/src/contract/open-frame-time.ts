import { z } from 'zod';

const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';

/**
 * c_openFrameAPI.md § setICContext › activeCall.currentParticipant.callStartTime (and every other
 * RSS time): `Format: RSS - "<day of week>, dd mmm yyyy hh:MM:ss GMT"`, UTC, e.g. "Wed, 17 Dec 2024 05:23:41 GMT".
 */
export const RssTime = z.string().regex(new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$`), 'RSS time, e.g. "Wed, 17 Dec 2024 05:23:41 GMT"');

/** c_openFrameAPI.md § setICContext › offerContext.creationTime: `UTC format (YYYY-MM-DDTHH:MM:SS)`. */
export const OfferCreationTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'UTC YYYY-MM-DDTHH:MM:SS');

/** An ICC instant (ISO 8601) as the RSS time OpenFrame documents; `Date#toUTCString` prints exactly that form. */
export function toRssTime(instant: string): string {
  return new Date(instant).toUTCString();
}

/** An ICC instant as `offerContext.creationTime` (UTC, seconds, no zone suffix). */
export function toOfferCreationTime(instant: string): string {
  return new Date(instant).toISOString().slice(0, 19);
}
