import { z } from 'zod';

/** `:id` of a resource. */
export const IdParams = z.object({ id: z.string() });

/** Errors any route that calls the vendor can answer: vendor down, store refusing writes, gateway shutting down. */
export const VENDOR_CALL_ERRORS = ['vendor_unavailable', 'storage_unavailable', 'owner_unavailable', 'shutting_down'] as const;
