import type { SchemaMigration } from './schema-migration';

/** The vendor's id of an interaction, as stored in its JSON body; queries must spell it exactly so for the index to serve them. */
export const INTERACTION_VENDOR_REF = "json_extract(body, '$.vendorRef')";

/**
 * Lookup of interactions (and through them callbacks) by the vendor's own id: an index on the
 * expression, only over interactions that have one. No column to fill: rows written before it
 * are indexed as it is created.
 */
export const migration0003VendorRefIndex: SchemaMigration = {
  version: 3,
  name: 'vendor-ref-index',
  up(database) {
    database.exec(`CREATE INDEX interactions_by_vendor_ref ON interactions (${INTERACTION_VENDOR_REF}) WHERE ${INTERACTION_VENDOR_REF} IS NOT NULL`);
  },
};
