/** What `miglint schema --format` accepts (its own module so that the CLI can offer it without loading the command). */
export const SCHEMA_FORMATS = ['json', 'sql'] as const;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];
