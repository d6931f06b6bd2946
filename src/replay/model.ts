/**
 * The schema model: what the database looks like after the replayed files, and where every
 * part of it came from. Keys are schema-qualified names as PostgreSQL folds them
 * (`public.users`).
 */

/** Where a statement stands: the file (as findings print it), its order, and line:column. */
export interface Origin {
  path: string;
  fileOrder: number;
  statementIndex: number;
  line: number;
  column: number;
}

/** One statement that changed an object, and what it changed. */
export interface Change {
  origin: Origin;
  description: string;
}

export interface Column {
  name: string;
  /** The type as PostgreSQL's format_type prints it (`character varying(255)`, `integer[]`). */
  type: string;
  notNull: boolean;
  default: string | null;
  identity: 'always' | 'by default' | null;
  generated: string | null;
  collation: string | null;
  created: Origin;
  changes: Change[];
  /** Types the column had before each ALTER COLUMN TYPE, oldest first. */
  previousTypes: { type: string; until: Origin }[];
}

export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclude';

export interface ForeignKeyTarget {
  table: string;
  columns: string[];
  onDelete: string | null;
  onUpdate: string | null;
}

export interface Constraint {
  name: string;
  kind: ConstraintKind;
  columns: string[];
  references: ForeignKeyTarget | null;
  /** CHECK and EXCLUDE bodies as SQL text. */
  expression: string | null;
  created: Origin;
}

export interface Table {
  /** Stable across renames: the same table keeps its id when renamed or moved. */
  id: number;
  schema: string;
  name: string;
  columns: Column[];
  constraints: Constraint[];
  rlsEnabled: boolean;
  rlsForced: boolean;
  /** Key of the parent table for `PARTITION OF`. */
  partitionOf: string | null;
  partitionBy: string | null;
  created: Origin;
  changes: Change[];
}

export interface Index {
  schema: string;
  name: string;
  /** Key of the table it indexes. */
  table: string;
  unique: boolean;
  method: string;
  /** Column names, or expression text for expression keys. */
  keys: string[];
  include: string[];
  where: string | null;
  /** True when the key columns come from a constraint (PRIMARY KEY, UNIQUE). */
  constraint: string | null;
  created: Origin;
}

export interface Uninterpreted {
  origin: Origin;
  kind: string;
  text: string;
}

export interface SchemaModel {
  searchPath: string[];
  tables: Map<string, Table>;
  indexes: Map<string, Index>;
  /** Statements the model does not represent yet, kept in order, never silently dropped. */
  uninterpreted: Uninterpreted[];
}

export function emptySchema(): SchemaModel {
  return { searchPath: ['public'], tables: new Map(), indexes: new Map(), uninterpreted: [] };
}

export function qualifiedName(schema: string, name: string): string {
  return `${schema}.${name}`;
}

export function indexesOf(schema: SchemaModel, tableKey: string): Index[] {
  return [...schema.indexes.values()].filter((index) => index.table === tableKey);
}
