/**
 * Reads what a PostgreSQL database (a PGlite instance) holds into plain, JSON-able data, sorted
 * deterministically, so that two databases, or a database and the replayed model, can be
 * compared object by object. Definitions come from PostgreSQL's own printers (format_type,
 * pg_get_expr, pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef, pg_get_functiondef,
 * pg_get_triggerdef), so equal text means equal objects on the same server version.
 *
 * Objects that belong to an extension are left out (they come with `CREATE EXTENSION`), and so
 * are PostgreSQL's own schemas (pg_catalog, information_schema, pg_toast, temporary schemas).
 */

import { categoryOf, type DifferenceCategory } from './difference-category.js';

/** The part of PGlite's interface the reader needs (structural, so any PGlite version fits). */
export interface CatalogDatabase {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface CatalogOptions {
  /** Only these schemas (their objects, grants and comments); all user schemas when absent. */
  schemas?: string[];
  /** Schemas to leave out besides PostgreSQL's own, e.g. a platform's `auth` or `storage`. */
  excludeSchemas?: string[];
}

export interface CatalogSchema {
  name: string;
  owner: string;
}

export interface CatalogExtension {
  name: string;
  schema: string;
  version: string;
}

export interface CatalogColumn {
  name: string;
  /** As format_type prints it: `character varying(255)`, `integer[]`. */
  type: string;
  notNull: boolean;
  /** pg_get_expr of the default; null for none and for generated columns. */
  default: string | null;
  identity: 'always' | 'by default' | null;
  /** The generation expression of a GENERATED ALWAYS AS (...) column. */
  generated: string | null;
  /** Only when it differs from the type's own collation. */
  collation: string | null;
  /** SET STORAGE, only when it differs from the type's: plain, external, extended, main. */
  storage: string | null;
  /** SET COMPRESSION: pglz, lz4; null for the server's default. */
  compression: string | null;
  /** SET STATISTICS; null for the default. */
  statisticsTarget: number | null;
  /** Attribute options (`n_distinct=5`), pg_attribute.attoptions. */
  options: string[];
  /** The sequence behind an identity column and its options (UNLOGGED last), as pg_dump writes them. */
  identitySequence: string | null;
}

export interface CatalogConstraint {
  name: string;
  /** p, u, f, c, x, t as pg_constraint.contype. */
  type: string;
  definition: string;
  /**
   * The constraint comes only from INHERITS parents (pg_constraint.conislocal false; partitions
   * left out, as for columns): pg_dump leaves it out of the table's CREATE TABLE.
   */
  inheritedOnly?: true;
}

export interface CatalogTable {
  schema: string;
  name: string;
  kind: 'table' | 'partitioned table' | 'foreign table';
  owner: string;
  columns: CatalogColumn[];
  /** Every constraint by name, NOT NULL ones (contype n, named since PostgreSQL 18) included. */
  constraints: CatalogConstraint[];
  rlsEnabled: boolean;
  rlsForced: boolean;
  /** pg_get_partkeydef: `RANGE (created_at)`. */
  partitionKey: string | null;
  /** `schema.name` of the parent of a partition. */
  partitionOf: string | null;
  /** pg_get_expr of the bound: `FOR VALUES FROM (...) TO (...)`. */
  partitionBound: string | null;
  /** Parents through INHERITS, in order (partition parents excluded). */
  inherits: string[];
  /**
   * Columns that come only from the parents (pg_attribute.attislocal false; partitions left out,
   * as pg_dump does): a column the table declares itself stays when the parent drops it or the
   * table stops inheriting.
   */
  inheritedColumns: string[];
  /** Storage parameters, pg_class.reloptions (`fillfactor=70`), then the TOAST table's (`toast.autovacuum_enabled=false`). */
  storageParameters: string[];
  unlogged: boolean;
  /** REPLICA IDENTITY: default, nothing, full, or `index <name>`. */
  replicaIdentity: string;
  /** Table access method (`heap`); null for foreign and partitioned tables without one. */
  accessMethod: string | null;
  /** CLUSTER ON: the index the table is marked clustered on. */
  clusteredOn: string | null;
}

export interface CatalogIndex {
  schema: string;
  name: string;
  /** `schema.name` of the table or materialized view. */
  table: string;
  /** pg_get_indexdef without its WITH clause (see `storageParameters`). */
  definition: string;
  /** Storage parameters, pg_class.reloptions (`fillfactor=90`, `pages_per_range=1`). */
  storageParameters: string[];
  /** The constraint the index implements (PRIMARY KEY, UNIQUE, EXCLUDE), if any. */
  constraint: string | null;
}

/** An extended statistics object (CREATE STATISTICS). */
export interface CatalogStatistics {
  schema: string;
  name: string;
  /** `schema.name` of its table. */
  table: string;
  /** pg_get_statisticsobjdef: the targets, and the kinds when not all of them. */
  definition: string;
}

export interface CatalogView {
  schema: string;
  name: string;
  materialized: boolean;
  owner: string;
  columns: string[];
  definition: string;
  /** WITH options: security_invoker, security_barrier, check_option; a materialized view's storage parameters. */
  options: string[];
}

export interface CatalogFunction {
  schema: string;
  name: string;
  kind: 'function' | 'procedure' | 'aggregate' | 'window';
  /** pg_get_function_identity_arguments: the part of the signature that tells overloads apart. */
  arguments: string;
  /** Input argument types only (oidvectortypes), as in `add(integer, integer)`. */
  argumentTypes: string;
  /** pg_get_function_result; null for procedures. */
  result: string | null;
  language: string;
  owner: string;
  securityDefiner: boolean;
  /** i, s or v. */
  volatility: string;
  /** SET clauses (`search_path=public`), pg_proc.proconfig. */
  config: string[];
  strict: boolean;
  leakproof: boolean;
  /** PARALLEL: s (safe), r (restricted) or u (unsafe). */
  parallel: string;
  cost: number;
  /** ROWS of a set-returning function; 0 otherwise. */
  rows: number;
  /** pg_get_functiondef for functions and procedures; the source text for aggregates. */
  definition: string;
}

export interface CatalogTrigger {
  schema: string;
  table: string;
  name: string;
  definition: string;
  /** O (origin, the default), D (disabled), R (replica), A (always). */
  enabled: string;
}

export interface CatalogPolicy {
  schema: string;
  table: string;
  name: string;
  permissive: boolean;
  /** Role names, sorted; `public` for all. */
  roles: string[];
  command: 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';
  using: string | null;
  withCheck: string | null;
}

export interface CatalogSequence {
  schema: string;
  name: string;
  owner: string;
  dataType: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** `schema.table.column` for sequences owned by a column (serial, OWNED BY). */
  ownedBy: string | null;
  /** CREATE UNLOGGED SEQUENCE, or a sequence of an unlogged table (pg_class.relpersistence 'u'). */
  unlogged: boolean;
}

export interface CatalogType {
  schema: string;
  name: string;
  kind: 'enum' | 'domain' | 'composite' | 'range';
  owner: string;
  /** Enum labels in sort order. */
  labels: string[];
  /** Domain base type, range subtype. */
  baseType: string | null;
  /** Domain NOT NULL. */
  notNull: boolean;
  /** Domain default. */
  default: string | null;
  /** Domain constraints (`name: definition`), or composite attributes (`name type`). */
  members: string[];
}

export interface CatalogGrant {
  /** table, view, materialized view, sequence, foreign table, column, function, procedure, schema, type. */
  objectType: string;
  /** Qualified object: `public.users`, `public.users.email`, `public.f(integer)` (input types only), `public`. */
  object: string;
  grantee: string;
  privilege: string;
  grantable: boolean;
  grantor: string;
}

export interface CatalogDefaultPrivilege {
  role: string;
  /** null: for objects in every schema. */
  schema: string | null;
  /** tables, sequences, functions, types, schemas. */
  objectType: string;
  grantee: string;
  privilege: string;
  grantable: boolean;
}

export interface CatalogComment {
  /** As pg_identify_object names it: table, column, function, ... */
  objectType: string;
  /** As pg_identify_object prints it: `public.users.email`, `public.f(integer)`. */
  object: string;
  comment: string;
}

export interface CatalogPublication {
  name: string;
  owner: string;
  allTables: boolean;
  /** insert, update, delete, truncate as published. */
  actions: string[];
  tables: string[];
  schemas: string[];
}

/** A rewrite rule (CREATE RULE); a view's own `_RETURN` rule is its definition. */
export interface CatalogRule {
  schema: string;
  table: string;
  name: string;
  definition: string;
  /** O, D, R or A as pg_rewrite.ev_enabled. */
  enabled: string;
}

export interface CatalogEventTrigger {
  name: string;
  event: string;
  owner: string;
  function: string;
  tags: string[];
  enabled: string;
}

/** Everything the reader found, each list sorted by its key. */
export interface Catalog {
  serverVersion: string;
  schemas: CatalogSchema[];
  extensions: CatalogExtension[];
  types: CatalogType[];
  sequences: CatalogSequence[];
  tables: CatalogTable[];
  indexes: CatalogIndex[];
  statistics: CatalogStatistics[];
  views: CatalogView[];
  functions: CatalogFunction[];
  triggers: CatalogTrigger[];
  policies: CatalogPolicy[];
  rules: CatalogRule[];
  eventTriggers: CatalogEventTrigger[];
  grants: CatalogGrant[];
  defaultPrivileges: CatalogDefaultPrivilege[];
  comments: CatalogComment[];
  publications: CatalogPublication[];
}

const SYSTEM_SCHEMA_FILTER = `nspname not in ('pg_catalog', 'information_schema') and nspname not like 'pg\\_toast%' and nspname not like 'pg\\_temp\\_%'`;

/** A SQL predicate on `nspname` choosing the schemas the options ask for. */
function schemaFilter(options: CatalogOptions, column = 'nspname'): string {
  const parts = [SYSTEM_SCHEMA_FILTER.replaceAll('nspname', column)];
  const list = (names: string[]) => names.map((name) => `'${name.replace(/'/g, "''")}'`).join(', ');
  if (options.schemas) parts.push(options.schemas.length > 0 ? `${column} in (${list(options.schemas)})` : 'false');
  if (options.excludeSchemas?.length) parts.push(`${column} not in (${list(options.excludeSchemas)})`);
  return parts.join(' and ');
}

/** Objects created by CREATE EXTENSION: left out, they come back with the extension. */
function notExtensionMember(catalog: string, oid: string): string {
  return `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;
}

/** Functions PostgreSQL makes for another object (a range type's constructors): they come back with it. */
function notInternalFunction(oid: string): string {
  return `not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = ${oid} and d.deptype = 'i')`;
}

function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

function sorted<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort(byKey(key));
}

export async function readCatalog(db: CatalogDatabase, options: CatalogOptions = {}): Promise<Catalog> {
  const inSchema = schemaFilter(options);
  const [version] = (await db.query<{ server_version: string }>('show server_version')).rows;
  return {
    serverVersion: version?.server_version ?? '',
    schemas: await readSchemas(db, inSchema),
    extensions: await readExtensions(db),
    types: await readTypes(db, inSchema),
    sequences: await readSequences(db, inSchema),
    tables: await readTables(db, inSchema),
    indexes: await readIndexes(db, inSchema),
    statistics: await readStatistics(db, schemaFilter(options, 'n.nspname')),
    views: await readViews(db, inSchema),
    functions: await readFunctions(db, inSchema),
    triggers: await readTriggers(db, inSchema),
    policies: await readPolicies(db, inSchema),
    rules: await readRules(db, inSchema),
    eventTriggers: await readEventTriggers(db),
    grants: sorted([...(await readGrants(db, inSchema)), ...(options.schemas ? [] : await readBuiltinGrants(db))], grantKey),
    defaultPrivileges: await readDefaultPrivileges(db, schemaFilter(options)),
    comments: await readComments(db, options),
    publications: await readPublications(db),
  };
}

async function readSchemas(db: CatalogDatabase, inSchema: string): Promise<CatalogSchema[]> {
  const { rows } = await db.query<CatalogSchema>(
    `select nspname as name, pg_get_userbyid(nspowner) as owner from pg_namespace n
     where ${inSchema} and ${notExtensionMember('pg_namespace', 'n.oid')}`,
  );
  return sorted(rows, (row) => row.name);
}

async function readExtensions(db: CatalogDatabase): Promise<CatalogExtension[]> {
  const { rows } = await db.query<CatalogExtension>(
    `select e.extname as name, n.nspname as schema, e.extversion as version
     from pg_extension e join pg_namespace n on n.oid = e.extnamespace`,
  );
  return sorted(rows, (row) => row.name);
}

async function readTypes(db: CatalogDatabase, inSchema: string): Promise<CatalogType[]> {
  const { rows } = await db.query<{
    schema: string;
    name: string;
    typtype: string;
    owner: string;
    labels: string[] | null;
    base_type: string | null;
    not_null: boolean;
    default: string | null;
    constraints: string[] | null;
    attributes: string[] | null;
  }>(
    `select n.nspname as schema, t.typname as name, t.typtype, pg_get_userbyid(t.typowner) as owner,
       (select array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
       case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod)
            when t.typtype = 'r' then (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid)
       end as base_type,
       t.typnotnull as not_null,
       t.typdefault as default,
       (select array_agg(c.conname || ': ' || pg_get_constraintdef(c.oid) order by c.conname)
          from pg_constraint c where c.contypid = t.oid) as constraints,
       (select array_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod) order by a.attnum)
          from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) as attributes
     from pg_type t join pg_namespace n on n.oid = t.typnamespace
     left join pg_class c on c.oid = t.typrelid
     where ${inSchema} and ${notExtensionMember('pg_type', 't.oid')}
       and (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and c.relkind = 'c'))`,
  );
  const kinds: Record<string, CatalogType['kind']> = { e: 'enum', d: 'domain', c: 'composite', r: 'range' };
  return sorted(
    rows.map((row) => ({
      schema: row.schema,
      name: row.name,
      kind: kinds[row.typtype] ?? 'composite',
      owner: row.owner,
      labels: row.labels ?? [],
      baseType: row.base_type,
      notNull: row.not_null,
      default: row.default,
      members: row.typtype === 'c' ? (row.attributes ?? []) : (row.constraints ?? []),
    })),
    (row) => `${row.schema}.${row.name}`,
  );
}

async function readSequences(db: CatalogDatabase, inSchema: string): Promise<CatalogSequence[]> {
  const { rows } = await db.query<CatalogSequence>(
    `select n.nspname as schema, c.relname as name, pg_get_userbyid(c.relowner) as owner,
       format_type(s.seqtypid, null) as "dataType", s.seqstart::text as start, s.seqincrement::text as increment,
       s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache, s.seqcycle as cycle,
       c.relpersistence = 'u' as unlogged,
       (select tn.nspname || '.' || tc.relname || '.' || a.attname
          from pg_depend d join pg_class tc on tc.oid = d.refobjid
          join pg_namespace tn on tn.oid = tc.relnamespace
          join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
          where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'a'
            and d.refclassid = 'pg_class'::regclass limit 1) as "ownedBy"
     from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
     where ${inSchema} and ${notExtensionMember('pg_class', 'c.oid')}
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')`,
  );
  return sorted(rows, (row) => `${row.schema}.${row.name}`);
}

async function readTables(db: CatalogDatabase, inSchema: string): Promise<CatalogTable[]> {
  const { rows: tables } = await db.query<{
    oid: number;
    schema: string;
    name: string;
    relkind: string;
    owner: string;
    rls_enabled: boolean;
    rls_forced: boolean;
    partition_key: string | null;
    partition_of: string | null;
    partition_bound: string | null;
    inherits: string[] | null;
    reloptions: string[] | null;
    unlogged: boolean;
    replica_identity: string;
    access_method: string | null;
    clustered_on: string | null;
  }>(
    `select c.oid, n.nspname as schema, c.relname as name, c.relkind, pg_get_userbyid(c.relowner) as owner,
       c.relpersistence = 'u' as unlogged,
       case c.relreplident when 'd' then 'default' when 'n' then 'nothing' when 'f' then 'full'
         else 'index ' || coalesce((select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
           where i.indrelid = c.oid and i.indisreplident), '?') end as replica_identity,
       (select amname from pg_am where oid = c.relam) as access_method,
       (select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid where i.indrelid = c.oid and i.indisclustered) as clustered_on,
       coalesce(c.reloptions, '{}') || coalesce((select array_agg('toast.' || option) from pg_class toast, unnest(toast.reloptions) option
          where toast.oid = c.reltoastrelid), '{}') as reloptions,
       c.relrowsecurity as rls_enabled, c.relforcerowsecurity as rls_forced,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition_key,
       case when c.relispartition then (select pn.nspname || '.' || p.relname from pg_inherits i
          join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
          where i.inhrelid = c.oid limit 1) end as partition_of,
       case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
       case when not c.relispartition then (select array_agg(pn.nspname || '.' || p.relname order by i.inhseqno)
          from pg_inherits i join pg_class p on p.oid = i.inhparent join pg_namespace pn on pn.oid = p.relnamespace
          where i.inhrelid = c.oid) end as inherits
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('r', 'p', 'f') and ${inSchema} and ${notExtensionMember('pg_class', 'c.oid')}`,
  );
  const { rows: columns } = await db.query<{
    table_oid: number;
    name: string;
    type: string;
    not_null: boolean;
    expression: string | null;
    attidentity: string;
    attgenerated: string;
    collation: string | null;
    storage: string | null;
    compression: string | null;
    statistics_target: number | null;
    options: string[] | null;
    identity_sequence: string | null;
    inherited_only: boolean;
  }>(
    `select a.attrelid as table_oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
       a.attnotnull as not_null, pg_get_expr(d.adbin, d.adrelid) as expression, a.attidentity, a.attgenerated,
       case when a.attcollation <> t.typcollation then co.collname end as collation,
       case when a.attstorage <> t.typstorage then case a.attstorage when 'p' then 'plain' when 'e' then 'external'
         when 'm' then 'main' when 'x' then 'extended' end end as storage,
       case a.attcompression when 'p' then 'pglz' when 'l' then 'lz4' end as compression,
       case when a.attstattarget >= 0 then a.attstattarget end as statistics_target,
       -- PGlite 0.5.17 stamps every column with its own pg_attver option, which differs from database to database.
       array(select o from unnest(a.attoptions) o where o not like 'pg_attver=%') as options,
       case when a.attidentity <> '' then (select sn.nspname || '.' || sc.relname || ' START ' || s.seqstart || ' INCREMENT ' || s.seqincrement
           || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache || case when s.seqcycle then ' CYCLE' else '' end
           || ' AS ' || format_type(s.seqtypid, null) || case when sc.relpersistence = 'u' then ' UNLOGGED' else '' end
         from pg_sequence s join pg_class sc on sc.oid = s.seqrelid join pg_namespace sn on sn.oid = sc.relnamespace
         where s.seqrelid = pg_get_serial_sequence(c.oid::regclass::text, a.attname)::regclass) end
         as identity_sequence,
       not a.attislocal and not c.relispartition as inherited_only
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
     join pg_type t on t.oid = a.atttypid
     left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
     left join pg_collation co on co.oid = a.attcollation
     where c.relkind in ('r', 'p', 'f') and a.attnum > 0 and not a.attisdropped and ${inSchema}
     order by a.attrelid, a.attnum`,
  );
  const { rows: constraints } = await db.query<{ table_oid: number; name: string; type: string; definition: string; inherited_only: boolean }>(
    `select c.conrelid as table_oid, c.conname as name, c.contype::text as type, pg_get_constraintdef(c.oid) as definition,
       not c.conislocal and not r.relispartition as inherited_only
     from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
     where ${inSchema}`,
  );
  const identities: Record<string, CatalogColumn['identity']> = { a: 'always', d: 'by default' };
  const kinds: Record<string, CatalogTable['kind']> = { r: 'table', p: 'partitioned table', f: 'foreign table' };
  return sorted(
    tables.map((table) => ({
      schema: table.schema,
      name: table.name,
      kind: kinds[table.relkind] ?? 'table',
      owner: table.owner,
      columns: columns
        .filter((column) => column.table_oid === table.oid)
        .map((column) => ({
          name: column.name,
          type: column.type,
          notNull: column.not_null,
          default: column.attgenerated ? null : column.expression,
          identity: identities[column.attidentity] ?? null,
          generated: column.attgenerated ? column.expression : null,
          collation: column.collation,
          storage: column.storage,
          compression: column.compression,
          statisticsTarget: column.statistics_target,
          options: column.options ?? [],
          identitySequence: column.identity_sequence,
        })),
      constraints: sorted(
        constraints
          .filter((constraint) => constraint.table_oid === table.oid)
          .map(({ name, type, definition, inherited_only }) => ({ name, type, definition, ...(inherited_only ? { inheritedOnly: true as const } : {}) })),
        (constraint) => constraint.name,
      ),
      rlsEnabled: table.rls_enabled,
      rlsForced: table.rls_forced,
      partitionKey: table.partition_key,
      partitionOf: table.partition_of,
      partitionBound: table.partition_bound,
      inherits: table.inherits ?? [],
      inheritedColumns: columns.filter((column) => column.table_oid === table.oid && column.inherited_only).map((column) => column.name),
      storageParameters: table.reloptions ?? [],
      unlogged: table.unlogged,
      replicaIdentity: table.replica_identity,
      accessMethod: table.access_method,
      clusteredOn: table.clustered_on,
    })),
    (table) => `${table.schema}.${table.name}`,
  );
}

async function readIndexes(db: CatalogDatabase, inSchema: string): Promise<CatalogIndex[]> {
  const { rows } = await db.query<CatalogIndex>(
    `select n.nspname as schema, ic.relname as name, n.nspname || '.' || tc.relname as table,
       regexp_replace(pg_get_indexdef(i.indexrelid), ' WITH \\([^)]*\\)', '') as definition,
       coalesce(ic.reloptions, '{}') as "storageParameters",
       (select con.conname from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid
          and con.contype in ('p', 'u', 'x') limit 1) as constraint
     from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_class tc on tc.oid = i.indrelid
     join pg_namespace n on n.oid = ic.relnamespace
     where ${inSchema} and ${notExtensionMember('pg_class', 'tc.oid')}`,
  );
  return sorted(rows, (row) => `${row.schema}.${row.name}`);
}

async function readStatistics(db: CatalogDatabase, inSchema: string): Promise<CatalogStatistics[]> {
  const { rows } = await db.query<CatalogStatistics>(
    `select n.nspname as schema, s.stxname as name, tn.nspname || '.' || tc.relname as table,
       pg_get_statisticsobjdef(s.oid) as definition
     from pg_statistic_ext s join pg_namespace n on n.oid = s.stxnamespace
     join pg_class tc on tc.oid = s.stxrelid join pg_namespace tn on tn.oid = tc.relnamespace
     where ${inSchema} and ${notExtensionMember('pg_statistic_ext', 's.oid')}`,
  );
  return sorted(rows, (row) => `${row.schema}.${row.name}`);
}

async function readViews(db: CatalogDatabase, inSchema: string): Promise<CatalogView[]> {
  const { rows } = await db.query<{
    schema: string;
    name: string;
    relkind: string;
    owner: string;
    columns: string[] | null;
    definition: string;
    options: string[] | null;
  }>(
    `select n.nspname as schema, c.relname as name, c.relkind, pg_get_userbyid(c.relowner) as owner, c.reloptions as options,
       (select array_agg(a.attname order by a.attnum) from pg_attribute a
          where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
       pg_get_viewdef(c.oid) as definition
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where c.relkind in ('v', 'm') and ${inSchema} and ${notExtensionMember('pg_class', 'c.oid')}`,
  );
  return sorted(
    rows.map((row) => ({
      schema: row.schema,
      name: row.name,
      materialized: row.relkind === 'm',
      owner: row.owner,
      columns: row.columns ?? [],
      definition: row.definition,
      options: row.options ?? [],
    })),
    (row) => `${row.schema}.${row.name}`,
  );
}

async function readFunctions(db: CatalogDatabase, inSchema: string): Promise<CatalogFunction[]> {
  const { rows } = await db.query<{
    schema: string;
    name: string;
    prokind: string;
    arguments: string;
    argument_types: string;
    result: string | null;
    language: string;
    owner: string;
    security_definer: boolean;
    volatility: string;
    config: string[] | null;
    strict: boolean;
    leakproof: boolean;
    parallel: string;
    cost: number;
    rows: number;
    definition: string;
  }>(
    `select n.nspname as schema, p.proname as name, p.prokind, pg_get_function_identity_arguments(p.oid) as arguments,
       oidvectortypes(p.proargtypes) as argument_types,
       case when p.prokind <> 'p' then pg_get_function_result(p.oid) end as result,
       l.lanname as language, pg_get_userbyid(p.proowner) as owner, p.prosecdef as security_definer,
       p.provolatile as volatility, p.proconfig as config, p.proisstrict as strict, p.proleakproof as leakproof,
       p.proparallel as parallel, p.procost::float8 as cost, p.prorows::float8 as rows,
       case when p.prokind in ('f', 'p', 'w') then pg_get_functiondef(p.oid) else p.prosrc end as definition
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
     where ${inSchema} and ${notExtensionMember('pg_proc', 'p.oid')} and ${notInternalFunction('p.oid')}`,
  );
  const kinds: Record<string, CatalogFunction['kind']> = { f: 'function', p: 'procedure', a: 'aggregate', w: 'window' };
  return sorted(
    rows.map((row) => ({
      schema: row.schema,
      name: row.name,
      kind: kinds[row.prokind] ?? 'function',
      arguments: row.arguments,
      argumentTypes: row.argument_types,
      result: row.result,
      language: row.language,
      owner: row.owner,
      securityDefiner: row.security_definer,
      volatility: row.volatility,
      config: row.config ?? [],
      strict: row.strict,
      leakproof: row.leakproof,
      parallel: row.parallel,
      cost: row.cost,
      rows: row.rows,
      definition: row.definition,
    })),
    (row) => `${row.schema}.${row.name}(${row.arguments})`,
  );
}

async function readTriggers(db: CatalogDatabase, inSchema: string): Promise<CatalogTrigger[]> {
  const { rows } = await db.query<CatalogTrigger>(
    `select n.nspname as schema, c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as definition,
       t.tgenabled::text as enabled
     from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where not t.tgisinternal and ${inSchema}`,
  );
  return sorted(rows, (row) => `${row.schema}.${row.table}.${row.name}`);
}

async function readPolicies(db: CatalogDatabase, inSchema: string): Promise<CatalogPolicy[]> {
  const { rows } = await db.query<{
    schema: string;
    table: string;
    name: string;
    permissive: boolean;
    roles: string[];
    polcmd: string;
    using: string | null;
    with_check: string | null;
  }>(
    `select n.nspname as schema, c.relname as table, p.polname as name, p.polpermissive as permissive,
       array(select case when r = 0 then 'public' else pg_get_userbyid(r) end from unnest(p.polroles) r order by 1) as roles,
       p.polcmd::text as polcmd, pg_get_expr(p.polqual, p.polrelid) as using,
       pg_get_expr(p.polwithcheck, p.polrelid) as with_check
     from pg_policy p join pg_class c on c.oid = p.polrelid join pg_namespace n on n.oid = c.relnamespace
     where ${inSchema}`,
  );
  const commands: Record<string, CatalogPolicy['command']> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };
  return sorted(
    rows.map((row) => ({
      schema: row.schema,
      table: row.table,
      name: row.name,
      permissive: row.permissive,
      roles: row.roles,
      command: commands[row.polcmd] ?? 'ALL',
      using: row.using,
      withCheck: row.with_check,
    })),
    (row) => `${row.schema}.${row.table}.${row.name}`,
  );
}

async function readRules(db: CatalogDatabase, inSchema: string): Promise<CatalogRule[]> {
  const { rows } = await db.query<CatalogRule>(
    `select n.nspname as schema, c.relname as table, r.rulename as name, pg_get_ruledef(r.oid) as definition,
       r.ev_enabled::text as enabled
     from pg_rewrite r join pg_class c on c.oid = r.ev_class join pg_namespace n on n.oid = c.relnamespace
     where r.rulename <> '_RETURN' and ${inSchema} and ${notExtensionMember('pg_rewrite', 'r.oid')}`,
  );
  return sorted(rows, (row) => `${row.schema}.${row.table}.${row.name}`);
}

async function readEventTriggers(db: CatalogDatabase): Promise<CatalogEventTrigger[]> {
  const { rows } = await db.query<{ name: string; event: string; owner: string; function: string; tags: string[] | null; enabled: string }>(
    `select e.evtname as name, e.evtevent as event, pg_get_userbyid(e.evtowner) as owner, e.evtfoid::regproc::text as function,
       e.evttags as tags, e.evtenabled::text as enabled
     from pg_event_trigger e where ${notExtensionMember('pg_event_trigger', 'e.oid')}`,
  );
  return sorted(
    rows.map((row) => ({ ...row, tags: row.tags ?? [] })),
    (row) => row.name,
  );
}

const RELATION_OBJECT_TYPES = `case c.relkind when 'r' then 'table' when 'p' then 'table' when 'v' then 'view'
  when 'm' then 'materialized view' when 'S' then 'sequence' when 'f' then 'foreign table' end`;

/** One aclexplode row (alias `a`) as a CatalogGrant's columns. */
const ACL_COLUMNS = `case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee) end as grantee, a.privilege_type as privilege,
  a.is_grantable as grantable, pg_get_userbyid(a.grantor) as grantor`;

/**
 * Privileges as aclexplode lists them. A never-granted object has a null ACL that means the
 * defaults (acldefault); the defaults are filled in so that "granted then revoked" and "never
 * granted" compare equal.
 */
async function readGrants(db: CatalogDatabase, inSchema: string): Promise<CatalogGrant[]> {
  const { rows } = await db.query<CatalogGrant>(
    `select ${RELATION_OBJECT_TYPES} as "objectType", n.nspname || '.' || c.relname as object, ${ACL_COLUMNS}
       from pg_class c join pg_namespace n on n.oid = c.relnamespace,
       aclexplode(coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))) a
       where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${inSchema} and ${notExtensionMember('pg_class', 'c.oid')}
     union all
     select 'column', n.nspname || '.' || c.relname || '.' || att.attname, ${ACL_COLUMNS}
       from pg_attribute att join pg_class c on c.oid = att.attrelid join pg_namespace n on n.oid = c.relnamespace,
       aclexplode(att.attacl) a
       where att.attacl is not null and att.attnum > 0 and not att.attisdropped and ${inSchema}
     union all
     select case p.prokind when 'p' then 'procedure' else 'function' end,
       n.nspname || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')', ${ACL_COLUMNS}
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
       aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
       where ${inSchema} and ${notExtensionMember('pg_proc', 'p.oid')} and ${notInternalFunction('p.oid')}
     union all
     select 'type', n.nspname || '.' || t.typname, ${ACL_COLUMNS}
       from pg_type t join pg_namespace n on n.oid = t.typnamespace left join pg_class c on c.oid = t.typrelid,
       aclexplode(coalesce(t.typacl, acldefault('T', t.typowner))) a
       where (t.typtype in ('e', 'd', 'r') or (t.typtype = 'c' and c.relkind = 'c')) and ${inSchema}
         and ${notExtensionMember('pg_type', 't.oid')}
     union all
     select 'schema', n.nspname, ${ACL_COLUMNS}
       from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
       where ${inSchema} and ${notExtensionMember('pg_namespace', 'n.oid')}`,
  );
  return rows;
}

function grantKey(row: CatalogGrant): string {
  return `${row.objectType} ${row.object} ${row.grantee} ${row.privilege} ${row.grantor}`;
}

/** A built-in object's ACL differs from the one initdb gave it (pg_init_privs), as pg_dump finds it. */
function builtinAclChanged(catalog: string, oid: string, acl: string): string {
  return `${acl} is distinct from (select i.initprivs from pg_init_privs i where i.classoid = '${catalog}'::regclass and i.objoid = ${oid} and i.objsubid = 0)`;
}

/**
 * Privileges on pg_catalog's relations and functions, and on the schema, that a migration changed
 * (GRANT EXECUTE ON FUNCTION pg_catalog.lo_export, REVOKE ... now() FROM PUBLIC, a new owner, who
 * takes the owner's privileges): these grant or take away as much as any on the folder's own
 * objects. Only objects whose ACL is no longer initdb's are listed.
 */
async function readBuiltinGrants(db: CatalogDatabase): Promise<CatalogGrant[]> {
  // Not information_schema: it is made after initdb's snapshot of initial privileges (in PGlite), so its ACLs all look changed.
  const builtin = `n.nspname = 'pg_catalog'`;
  const { rows } = await db.query<CatalogGrant>(
    `select ${RELATION_OBJECT_TYPES} as "objectType", n.nspname || '.' || c.relname as object, ${ACL_COLUMNS}
       from pg_class c join pg_namespace n on n.oid = c.relnamespace,
       aclexplode(coalesce(c.relacl, acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))) a
       where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${builtin} and ${builtinAclChanged('pg_class', 'c.oid', 'c.relacl')}
     union all
     select case p.prokind when 'p' then 'procedure' else 'function' end,
       n.nspname || '.' || p.proname || '(' || oidvectortypes(p.proargtypes) || ')', ${ACL_COLUMNS}
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
       aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
       where ${builtin} and ${builtinAclChanged('pg_proc', 'p.oid', 'p.proacl')}
     union all
     select 'schema', n.nspname, ${ACL_COLUMNS}
       from pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
       where ${builtin} and ${builtinAclChanged('pg_namespace', 'n.oid', 'n.nspacl')}`,
  );
  return rows;
}

async function readDefaultPrivileges(db: CatalogDatabase, inSchema: string): Promise<CatalogDefaultPrivilege[]> {
  const { rows } = await db.query<CatalogDefaultPrivilege>(
    `select pg_get_userbyid(d.defaclrole) as role, n.nspname as schema,
       case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
         when 'T' then 'types' when 'n' then 'schemas' else d.defaclobjtype::text end as "objectType",
       case when a.grantee = 0 then 'PUBLIC' else pg_get_userbyid(a.grantee) end as grantee,
       a.privilege_type as privilege, a.is_grantable as grantable
     from pg_default_acl d left join pg_namespace n on n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a
     where (n.oid is null or (${inSchema}))
       -- A role's entry for all schemas repeats the built-in defaults (the owner's own privileges).
       and not (d.defaclnamespace = 0 and exists (select 1 from aclexplode(acldefault(d.defaclobjtype, d.defaclrole)) b
         where b.grantee = a.grantee and b.privilege_type = a.privilege_type and b.is_grantable = a.is_grantable))`,
  );
  return sorted(rows, (row) => `${row.role} ${row.schema ?? ''} ${row.objectType} ${row.grantee} ${row.privilege}`);
}

async function readComments(db: CatalogDatabase, options: CatalogOptions): Promise<CatalogComment[]> {
  const { rows } = await db.query<CatalogComment & { schema: string | null }>(
    `select o.type as "objectType", o.identity as object, o.schema, d.description as comment
     from pg_description d, pg_identify_object(d.classoid, d.objoid, d.objsubid) o
     -- Built-in objects are left out, but for the public schema: PostgreSQL ships it with the
     -- comment 'standard public schema', which a migration may change or remove.
     where (d.objoid >= 16384 or (d.classoid = 'pg_namespace'::regclass and d.objoid = 2200))
       and not exists (select 1 from pg_depend e where e.classid = d.classoid and e.objid = d.objoid and e.deptype = 'e')
       and d.classoid <> 'pg_extension'::regclass
       and (d.classoid <> 'pg_namespace'::regclass or d.objoid in (select oid from pg_namespace where ${schemaFilter(options)}))`,
  );
  const allowed = (schema: string | null): boolean =>
    schema === null ||
    (!['pg_catalog', 'information_schema'].includes(schema) &&
      !schema.startsWith('pg_toast') &&
      !schema.startsWith('pg_temp_') &&
      (!options.schemas || options.schemas.includes(schema)) &&
      !(options.excludeSchemas ?? []).includes(schema));
  return sorted(
    rows.filter((row) => allowed(row.schema)).map(({ objectType, object, comment }) => ({ objectType, object, comment })),
    (row) => `${row.objectType} ${row.object}`,
  );
}

async function readPublications(db: CatalogDatabase): Promise<CatalogPublication[]> {
  const { rows } = await db.query<{
    name: string;
    owner: string;
    all_tables: boolean;
    actions: string[];
    tables: string[] | null;
    schemas: string[] | null;
  }>(
    `select p.pubname as name, pg_get_userbyid(p.pubowner) as owner, p.puballtables as all_tables,
       array_remove(array[case when p.pubinsert then 'insert' end, case when p.pubupdate then 'update' end,
         case when p.pubdelete then 'delete' end, case when p.pubtruncate then 'truncate' end], null) as actions,
       (select array_agg(n.nspname || '.' || c.relname order by n.nspname, c.relname) from pg_publication_rel r
          join pg_class c on c.oid = r.prrelid join pg_namespace n on n.oid = c.relnamespace where r.prpubid = p.oid) as tables,
       (select array_agg(n.nspname order by n.nspname) from pg_publication_namespace pn
          join pg_namespace n on n.oid = pn.pnnspid where pn.pnpubid = p.oid) as schemas
     from pg_publication p`,
  );
  return sorted(
    rows.map((row) => ({
      name: row.name,
      owner: row.owner,
      allTables: row.all_tables,
      actions: row.actions,
      tables: row.tables ?? [],
      schemas: row.schemas ?? [],
    })),
    (row) => row.name,
  );
}

/** One way two catalogs differ, said so a person can act on it. */
export interface CatalogDifference {
  /** The catalog section: tables, indexes, functions, ... */
  section: keyof Omit<Catalog, 'serverVersion'>;
  /** The object, e.g. `public.users`, `public.f(integer)`. */
  object: string;
  /** Which part differs, e.g. `columns.email.type`; empty when the whole object is missing. */
  path: string;
  /** only-left: the object exists only in the first catalog; only-right: only in the second. */
  kind: 'only-left' | 'only-right' | 'different';
  /** What it is about; `security` ones always fail verify. */
  category: DifferenceCategory;
  left: unknown;
  right: unknown;
  message: string;
}

type Section = keyof Omit<Catalog, 'serverVersion'>;

const OBJECT_KEYS: { [S in Section]: (item: Catalog[S][number]) => string } = {
  schemas: (item) => item.name,
  extensions: (item) => item.name,
  types: (item) => `${item.schema}.${item.name}`,
  sequences: (item) => `${item.schema}.${item.name}`,
  tables: (item) => `${item.schema}.${item.name}`,
  indexes: (item) => `${item.schema}.${item.name}`,
  statistics: (item) => `${item.schema}.${item.name}`,
  views: (item) => `${item.schema}.${item.name}`,
  functions: (item) => `${item.schema}.${item.name}(${item.arguments})`,
  triggers: (item) => `${item.schema}.${item.table}.${item.name}`,
  policies: (item) => `${item.schema}.${item.table}.${item.name}`,
  rules: (item) => `${item.schema}.${item.table}.${item.name}`,
  eventTriggers: (item) => item.name,
  grants: (item) => `${item.privilege} on ${item.objectType} ${item.object} to ${item.grantee}${item.grantable ? ' with grant option' : ''}`,
  defaultPrivileges: (item) =>
    `${item.privilege} on ${item.objectType} in ${item.schema ?? 'all schemas'} for ${item.role} to ${item.grantee}${item.grantable ? ' with grant option' : ''}`,
  comments: (item) => `${item.objectType} ${item.object}`,
  publications: (item) => item.name,
};

const SINGULAR: Record<Section, string> = {
  schemas: 'schema',
  extensions: 'extension',
  types: 'type',
  sequences: 'sequence',
  tables: 'table',
  indexes: 'index',
  statistics: 'statistics object',
  views: 'view',
  functions: 'function',
  triggers: 'trigger',
  policies: 'policy',
  rules: 'rule',
  eventTriggers: 'event trigger',
  grants: 'grant',
  defaultPrivileges: 'default privilege',
  comments: 'comment on',
  publications: 'publication',
};

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A named member list (columns, constraints) is compared by name, anything else as a whole. */
function namedItems(value: unknown): Map<string, unknown> | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  if (!value.every((item) => item !== null && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string')) {
    return null;
  }
  return new Map(value.map((item) => [(item as { name: string }).name, item]));
}

function diffValues(path: string, left: unknown, right: unknown, found: (path: string, left: unknown, right: unknown) => void): void {
  if (JSON.stringify(left) === JSON.stringify(right)) return;
  const leftNamed = namedItems(left);
  const rightNamed = namedItems(right);
  if ((leftNamed || (Array.isArray(left) && left.length === 0)) && (rightNamed || (Array.isArray(right) && right.length === 0))) {
    const leftMap = leftNamed ?? new Map<string, unknown>();
    const rightMap = rightNamed ?? new Map<string, unknown>();
    for (const [name, item] of leftMap) {
      diffValues(`${path}.${name}`, item, rightMap.get(name), found);
    }
    for (const [name, item] of rightMap) if (!leftMap.has(name)) diffValues(`${path}.${name}`, undefined, item, found);
    const leftOrder = [...leftMap.keys()].filter((name) => rightMap.has(name));
    const rightOrder = [...rightMap.keys()].filter((name) => leftMap.has(name));
    if (path.endsWith('columns') && leftOrder.join() !== rightOrder.join()) found(`${path} order`, leftOrder, rightOrder);
    return;
  }
  if (
    left !== null && right !== null && typeof left === 'object' && typeof right === 'object' &&
    !Array.isArray(left) && !Array.isArray(right)
  ) {
    const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
    for (const key of keys) {
      diffValues(path ? `${path}.${key}` : key, (left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], found);
    }
    return;
  }
  found(path, left, right);
}

/** Object by object: what is only in `left`, only in `right`, and what differs in both. */
export function diffCatalogs(left: Catalog, right: Catalog): CatalogDifference[] {
  const differences: CatalogDifference[] = [];
  for (const section of Object.keys(OBJECT_KEYS) as Section[]) {
    const keyOf = OBJECT_KEYS[section] as (item: unknown) => string;
    const leftItems = new Map((left[section] as unknown[]).map((item) => [keyOf(item), item]));
    const rightItems = new Map((right[section] as unknown[]).map((item) => [keyOf(item), item]));
    const label = SINGULAR[section];
    for (const [object, item] of leftItems) {
      const other = rightItems.get(object);
      if (other === undefined) {
        differences.push({ section, object, path: '', kind: 'only-left', category: categoryOf(section, ''), left: item, right: undefined, message: `${label} ${object} exists only on the left` });
        continue;
      }
      diffValues('', item, other, (path, leftValue, rightValue) =>
        differences.push({
          section,
          object,
          path,
          kind: 'different',
          category: categoryOf(section, path),
          left: leftValue,
          right: rightValue,
          message:
            leftValue === undefined
              ? `${label} ${object}: ${path} exists only on the right (${show(rightValue)})`
              : rightValue === undefined
                ? `${label} ${object}: ${path} exists only on the left (${show(leftValue)})`
                : `${label} ${object}: ${path} differs: ${show(leftValue)} vs ${show(rightValue)}`,
        }),
      );
    }
    for (const [object, item] of rightItems) {
      if (!leftItems.has(object)) {
        differences.push({ section, object, path: '', kind: 'only-right', category: categoryOf(section, ''), left: undefined, right: item, message: `${label} ${object} exists only on the right` });
      }
    }
  }
  return differences;
}
