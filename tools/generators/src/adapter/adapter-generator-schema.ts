/** Options of `nx g @icc/tools:adapter` (schema.json). */
export interface AdapterGeneratorSchema {
  /** The vendor in lower case, e.g. `five9`, `amazon-connect`. */
  name: string;
}
