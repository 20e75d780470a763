import { migration0001Initial } from './0001-initial';
import { migration0002WebhookDeliveries } from './0002-webhook-deliveries';
import { migration0003VendorRefIndex } from './0003-vendor-ref-index';
import { migration0004QueueConfigVersions } from './0004-queue-config-versions';
import { migration0005PresenceSinceAndMissedOffers } from './0005-presence-since-and-missed-offers';
import { migration0006WebhookSubscriptions } from './0006-webhook-subscriptions';
import { migration0007NarrowReadModelIndexes } from './0007-narrow-read-model-indexes';
import { migration0008OpenCallbacks } from './0008-open-callbacks';
import type { SchemaMigration } from './schema-migration';

/** Every migration, oldest first. Append new ones; never edit one that has shipped. */
export const SCHEMA_MIGRATIONS: readonly SchemaMigration[] = [
  migration0001Initial,
  migration0002WebhookDeliveries,
  migration0003VendorRefIndex,
  migration0004QueueConfigVersions,
  migration0005PresenceSinceAndMissedOffers,
  migration0006WebhookSubscriptions,
  migration0007NarrowReadModelIndexes,
  migration0008OpenCallbacks,
];
