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
export type Change = DescribedChange | RlsChange;

/** A change shown to readers only (`schema`), never decided on: `added column "email"`. */
export interface DescribedChange {
  origin: Origin;
  description: string;
}

/** ALTER TABLE ... ENABLE / DISABLE / [NO] FORCE ROW LEVEL SECURITY, which rules decide on. */
export interface RlsChange {
  origin: Origin;
  rls: 'enabled' | 'disabled' | 'forced' | 'no longer forced';
}

/** The change as the `schema` command shows it. */
export function changeText(change: Change): string {
  if (!('rls' in change)) return change.description;
  switch (change.rls) {
    case 'enabled':
      return 'enabled row level security';
    case 'disabled':
      return 'disabled row level security';
    case 'forced':
      return 'forced row level security';
    default:
      return 'stopped forcing row level security';
  }
}

export interface Column {
  name: string;
  /** The type as PostgreSQL's format_type prints it (`character varying(255)`, `integer[]`). */
  type: string;
  notNull: boolean;
  /**
   * The name of the NOT NULL constraint when it is not the one the column's current names give
   * (see not-null.ts): written (`CONSTRAINT x NOT NULL`), or chosen before a rename.
   */
  notNullName?: string;
  default: string | null;
  identity: 'always' | 'by default' | null;
  /**
   * The name of the sequence behind an identity column, in the table's schema: as PostgreSQL
   * chose it when the identity was added (or SEQUENCE NAME); renaming the table or the column
   * does not rename it. Absent when the column is not an identity.
   */
  identitySequence?: string;
  generated: string | null;
  collation: string | null;
  created: Origin;
  changes: Change[];
  /** Where ALTER COLUMN SET DEFAULT set the current default; absent when the column was created with it. */
  defaultSet?: Origin;
  /** Types the column had before each ALTER COLUMN TYPE, oldest first. */
  previousTypes: { type: string; until: Origin }[];
  /** COMMENT ON COLUMN. */
  comment?: string | null;
  /**
   * The column comes only from INHERITS parents (PostgreSQL's attislocal false): the table does
   * not declare it, so the baseline's CREATE TABLE must not either.
   */
  inherited?: true;
  /**
   * The NOT NULL comes only from INHERITS parents (pg_constraint.conislocal false): a column the
   * table declares again without NOT NULL still has it, and the baseline must not write it.
   */
  notNullInherited?: true;
}

export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclude';

export interface ForeignKeyTarget {
  table: string;
  columns: string[];
  onDelete: string | null;
  onUpdate: string | null;
  /** MATCH FULL or MATCH PARTIAL; absent for the default MATCH SIMPLE. */
  match?: 'FULL' | 'PARTIAL';
}

export interface Constraint {
  name: string;
  kind: ConstraintKind;
  columns: string[];
  references: ForeignKeyTarget | null;
  /** CHECK's expression; EXCLUDE's definition after the keyword (`USING gist (room WITH =, during WITH &&)`). */
  expression: string | null;
  created: Origin;
  /** COMMENT ON CONSTRAINT. */
  comment?: string | null;
  /** DEFERRABLE (foreign keys, unique, primary key, exclude); absent when not deferrable. */
  deferrable?: true;
  /** INITIALLY DEFERRED; absent when initially immediate. */
  initiallyDeferred?: true;
  /** Added by ALTER TABLE ... NOT VALID and not validated since; absent when valid. */
  notValid?: true;
  /** UNIQUE NULLS NOT DISTINCT; absent for the default (nulls distinct). */
  nullsNotDistinct?: true;
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
  /** The bound of a partition as written: `FOR VALUES FROM (...) TO (...)`, `DEFAULT`. */
  partitionBound: string | null;
  /** Keys of the parents named in INHERITS (not partition parents), in order. */
  inherits: string[];
  /** Row-level security policies on the table. */
  policies: Policy[];
  /** Triggers on the table. */
  triggers: Trigger[];
  /** ALTER ... OWNER TO; null while the migration role owns it. */
  owner: string | null;
  comment: string | null;
  /** A foreign table (CREATE FOREIGN TABLE). */
  foreign: boolean;
  /** Storage parameters as pg_class.reloptions holds them (`fillfactor=70`); absent when none. */
  storageParameters?: string[];
  /**
   * CREATE TEMP TABLE: it lives in the session's own schema (pg_temp) and ends with the session,
   * so it is never part of the database the chain leaves behind. Absent for other tables.
   */
  temporary?: true;
  /**
   * CREATE UNLOGGED TABLE or SET UNLOGGED (pg_class.relpersistence 'u'): its indexes and TOAST
   * table are unlogged with it. Absent for logged tables.
   */
  unlogged?: true;
}

/** A row-level security policy (CREATE POLICY), kept on its table. */
export interface Policy {
  name: string;
  permissive: boolean;
  /** ALL, SELECT, INSERT, UPDATE or DELETE. */
  command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  /** Role names as written (lower-cased unless quoted); `public` when none is given. */
  roles: string[];
  using: string | null;
  withCheck: string | null;
  created: Origin;
  changes: Change[];
  comment: string | null;
}

/** A trigger (CREATE TRIGGER), kept on its table. */
export interface Trigger {
  name: string;
  /** BEFORE, AFTER or INSTEAD OF. */
  timing: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  /** INSERT, UPDATE (with `OF col` when given), DELETE, TRUNCATE. */
  events: string[];
  forEachRow: boolean;
  /** Key of the function it calls (`public.touch()`), resolved when the function is known. */
  function: string;
  arguments: string[];
  when: string | null;
  /** Transition tables, as written after REFERENCING (`NEW TABLE AS new_rows`); absent when none. */
  referencing?: string[];
  constraint: boolean;
  /** The statement text that (last) defined it. */
  sql: string;
  created: Origin;
  changes: Change[];
  comment: string | null;
}

/** A schema (CREATE SCHEMA); `public` exists from the start. */
export interface SchemaObject {
  name: string;
  owner: string | null;
  comment: string | null;
  created: Origin | null;
  changes: Change[];
}

/** An installed extension (CREATE EXTENSION). */
export interface Extension {
  name: string;
  /** The schema given in `WITH SCHEMA`, else the first on the search path. */
  schema: string;
  version: string | null;
  comment: string | null;
  created: Origin;
  changes: Change[];
}

/** A user-defined type: enum (labels in order), composite (attributes), domain or range. */
export interface TypeObject {
  schema: string;
  name: string;
  kind: 'enum' | 'composite' | 'domain' | 'range';
  labels: string[];
  attributes: { name: string; type: string }[];
  /** Domain base type or range subtype, as format_type prints it. */
  baseType: string | null;
  notNull: boolean;
  default: string | null;
  /** Domain CHECK constraints. */
  checks: { name: string; expression: string }[];
  owner: string | null;
  comment: string | null;
  created: Origin;
  changes: Change[];
}

/** A sequence, explicit or made by a serial column (then `ownedBy` names the column). */
export interface Sequence {
  schema: string;
  name: string;
  dataType: string;
  /** Options as written (`INCREMENT 5`, `START 100`), lower-cased keys. */
  options: Record<string, string>;
  /** Key of the table and the column that own it (OWNED BY, serial). */
  ownedBy: { table: string; column: string } | null;
  owner: string | null;
  comment: string | null;
  created: Origin;
  changes: Change[];
  /**
   * CREATE UNLOGGED SEQUENCE, ALTER SEQUENCE ... SET UNLOGGED, a serial column of an unlogged
   * table, or the table that owns it set unlogged. Absent for logged sequences.
   */
  unlogged?: true;
}

/** A view or materialized view. */
export interface View {
  schema: string;
  name: string;
  materialized: boolean;
  /** The query as one line of SQL. */
  query: string;
  /** Column names given in `CREATE VIEW v (a, b)`; empty when taken from the query. */
  columnNames: string[];
  /** Keys of the tables and views the query reads, for DROP ... CASCADE and renames. */
  dependsOn: string[];
  /** WITH (...) options, e.g. `security_invoker=true`. */
  options: string[];
  /** INSTEAD OF (and other) triggers on the view. */
  triggers: Trigger[];
  /** The statement text that (last) defined it. */
  sql: string;
  owner: string | null;
  comment: string | null;
  created: Origin;
  changes: Change[];
}

/** One argument of a function as its signature shows it. */
export interface FunctionArgument {
  name: string | null;
  /** IN, OUT, INOUT, VARIADIC, TABLE. */
  mode: string;
  type: string;
  default: string | null;
}

/** A function or procedure, keyed by its signature (`public.add(integer, integer)`). */
export interface FunctionObject {
  schema: string;
  name: string;
  kind: 'function' | 'procedure';
  /** The input argument types that tell overloads apart, as format_type prints them. */
  signatureTypes: string[];
  arguments: FunctionArgument[];
  /** RETURNS as written; null for procedures. */
  returns: string | null;
  language: string;
  securityDefiner: boolean;
  /** IMMUTABLE, STABLE or VOLATILE. */
  volatility: 'IMMUTABLE' | 'STABLE' | 'VOLATILE';
  body: string;
  /**
   * Whether the body is SQL-standard (`RETURN expr` or `BEGIN ATOMIC ... END`, parsed at
   * creation) rather than a string constant (`AS $$ ... $$`).
   */
  standardBody: boolean;
  /** SET options, e.g. `search_path = public`. */
  settings: string[];
  /** STRICT (RETURNS NULL ON NULL INPUT). */
  strict: boolean;
  leakproof: boolean;
  parallel: 'SAFE' | 'RESTRICTED' | 'UNSAFE';
  /** COST and ROWS as written; null when not given (PostgreSQL's default applies). */
  cost: string | null;
  rows: string | null;
  window: boolean;
  /** The statement text that (last) defined it. */
  sql: string;
  owner: string | null;
  comment: string | null;
  created: Origin;
  changes: Change[];
}

/** A privilege held by a role on an object (GRANT minus REVOKE). */
export interface Grant {
  /** table (also views and sequences by their own name), column, function, procedure, schema, type, ... */
  objectType: 'table' | 'view' | 'materialized view' | 'sequence' | 'column' | 'function' | 'procedure' | 'schema' | 'type';
  /** Key of the object (`public.users`, `public.add(integer, integer)`, `public`). */
  object: string;
  /** For column grants. */
  column: string | null;
  /** Role name; `PUBLIC` for everyone. */
  grantee: string;
  /** SELECT, INSERT, EXECUTE, USAGE, ... */
  privilege: string;
  grantable: boolean;
  /**
   * True for what no migration wrote: PostgreSQL's own defaults (PUBLIC may EXECUTE a new
   * function, USE the public schema) and a platform's (Supabase's anon may do ALL on a new table in public).
   */
  implicit: boolean;
  origin: Origin | null;
}

/** ALTER DEFAULT PRIVILEGES: what objects created later get. */
export interface DefaultPrivilege {
  /** FOR ROLE; null for the role running the migrations. */
  role: string | null;
  /** IN SCHEMA; null for every schema. */
  schema: string | null;
  /** tables, sequences, functions, types, schemas. */
  objectType: string;
  grantee: string;
  privilege: string;
  grantable: boolean;
  /** Null for what is in force before the first migration: PostgreSQL's own defaults and the platform's. */
  origin: Origin | null;
}

/** A publication (logical replication), e.g. Supabase's `supabase_realtime`. */
export interface Publication {
  name: string;
  allTables: boolean;
  /** Keys of the published tables. */
  tables: string[];
  schemas: string[];
  /** publish = 'insert, update' etc.; null for the default (all). */
  publish: string | null;
  created: Origin;
  changes: Change[];
}

/** An extended statistics object (CREATE STATISTICS) on one table. */
export interface StatisticsObject {
  schema: string;
  name: string;
  /** Key of the table. */
  table: string;
  /** Kinds as written (`ndistinct`, `dependencies`, `mcv`); empty for all of them. */
  kinds: string[];
  /** Each target as CREATE STATISTICS writes it: a column name, or `(expression)`. */
  targets: string[];
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
  /**
   * Each key as CREATE INDEX writes it, with collation, operator class and ordering
   * (`created_at DESC`, `(lower(email)) text_pattern_ops`); same order as `keys`.
   */
  keySql: string[];
  include: string[];
  where: string | null;
  /** True when the key columns come from a constraint (PRIMARY KEY, UNIQUE). */
  constraint: string | null;
  /** CREATE INDEX ON ONLY a partitioned table: not built on the partitions it has then. */
  only?: true;
  /** NULLS NOT DISTINCT on a unique index; absent for the default. */
  nullsNotDistinct?: true;
  /** Storage parameters as pg_class.reloptions holds them (`fillfactor=90`); absent when none. */
  storageParameters?: string[];
  created: Origin;
  comment?: string | null;
}

export interface Uninterpreted {
  origin: Origin;
  kind: string;
  text: string;
  /** Why it is kept verbatim, when there is more to say than "not modelled". */
  note?: string;
  /**
   * For a SELECT calling a function that changes the schema as it runs (handlers/calls.ts): the
   * functions it calls that do (`schema.name`), the definitions at that moment (signature key and
   * statement text) of those and of the functions they call on the way, and the keys of the
   * tables its string arguments name, whose partitions or copies the call makes.
   */
  call?: { functions: string[]; definitions: { key: string; sql: string }[]; tables: string[] };
}

export interface SchemaModel {
  searchPath: string[];
  tables: Map<string, Table>;
  indexes: Map<string, Index>;
  /** Statements the model does not represent yet, kept in order, never silently dropped. */
  uninterpreted: Uninterpreted[];
  /** By name; `public` is there from the start (created: null). */
  schemas: Map<string, SchemaObject>;
  /** By name. */
  extensions: Map<string, Extension>;
  /** By key (`public.status`). */
  types: Map<string, TypeObject>;
  /** By key. */
  sequences: Map<string, Sequence>;
  /** Views and materialized views, by key (one namespace with tables in PostgreSQL). */
  views: Map<string, View>;
  /** Functions and procedures by signature key: `public.add(integer, integer)`. */
  functions: Map<string, FunctionObject>;
  /** Privileges in force, in the order granted. */
  grants: Grant[];
  defaultPrivileges: DefaultPrivilege[];
  /** By name. */
  publications: Map<string, Publication>;
  /** Extended statistics objects, by key. */
  statistics: Map<string, StatisticsObject>;
  /**
   * Custom settings a DO block read with `current_setting(name, true)` and the model took as
   * unset (NULL, as on a database that never set them), where each was read.
   */
  settingsTakenAsUnset: { name: string; origin: Origin }[];
}

/** The comment PostgreSQL (15 and later) gives the public schema it creates. */
export const PUBLIC_SCHEMA_COMMENT = 'standard public schema';

export function emptySchema(): SchemaModel {
  return {
    searchPath: ['public'],
    tables: new Map(),
    indexes: new Map(),
    uninterpreted: [],
    schemas: new Map([['public', { name: 'public', owner: null, comment: PUBLIC_SCHEMA_COMMENT, created: null, changes: [] }]]),
    extensions: new Map(),
    types: new Map(),
    sequences: new Map(),
    views: new Map(),
    functions: new Map(),
    grants: [],
    defaultPrivileges: [],
    publications: new Map(),
    statistics: new Map(),
    settingsTakenAsUnset: [],
  };
}

/** The key of a function or procedure: `schema.name(type, type)`. */
export function functionKey(schema: string, name: string, signatureTypes: string[]): string {
  return `${schema}.${name}(${signatureTypes.join(', ')})`;
}

export function qualifiedName(schema: string, name: string): string {
  return `${schema}.${name}`;
}

export function indexesOf(schema: SchemaModel, tableKey: string): Index[] {
  return [...schema.indexes.values()].filter((index) => index.table === tableKey);
}
