/** PostgreSQL's words for a relation in a reason: `relation "x" does not exist`, `view "v" ...`. */
export const RELATION_KINDS: readonly string[] = ['relation', 'table', 'view', 'materialized view', 'sequence', 'index', 'foreign table'];
