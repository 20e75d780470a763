import { z } from 'zod';

const slug = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const slugMessage = 'Expected 1-128 letters, digits, dot, dash, colon or underscore';

export const CallbackId = z.string().regex(slug, slugMessage).meta({ id: 'CallbackId' });
export type CallbackId = z.infer<typeof CallbackId>;

/** Human callback number shown to agents and customers, e.g. `CB0000123`. */
export const CallbackNumber = z
  .string()
  .regex(/^CB\d{7,}$/, 'Expected CB followed by at least seven digits')
  .meta({ id: 'CallbackNumber' });
export type CallbackNumber = z.infer<typeof CallbackNumber>;

export const InteractionId = z.string().regex(slug, slugMessage).meta({ id: 'InteractionId' });
export type InteractionId = z.infer<typeof InteractionId>;

export const AgentId = z.string().regex(slug, slugMessage).meta({ id: 'AgentId' });
export type AgentId = z.infer<typeof AgentId>;

export const QueueId = z.string().regex(slug, slugMessage).meta({ id: 'QueueId' });
export type QueueId = z.infer<typeof QueueId>;

export const VendorName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'Expected a lower-case vendor name such as genesys')
  .meta({ id: 'VendorName' });
export type VendorName = z.infer<typeof VendorName>;
