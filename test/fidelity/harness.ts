/**
 * The fidelity harness: applies a fixture folder to a real PostgreSQL (PGlite, in-process),
 * reads its catalog, replays the same folder into miglint's model, and projects both onto one
 * comparable shape. Expressions are compared after removing what PostgreSQL adds on its own
 * (casts, parentheses, spacing, case), everything else exactly.
 */
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { analyze } from '../../src/analyze.js';
import { persistentSchema } from '../../src/baseline/persistent.js';
import { columnList, ident, qualifiedKey } from '../../src/baseline/sql.js';
import type { Replay } from '../../src/replay/index.js';
import { functionKey, type SchemaModel } from '../../src/replay/model.js';
import { notNullName } from '../../src/replay/not-null.js';
import { readCatalog, type Catalog } from '../../src/verify/catalog.js';
import { runsInTransactionBlock } from '../../src/transaction-block.js';

/** Roles the fixtures grant to, created before the files run (roles live outside migrations). */
const ROLES = ['anon', 'authenticated', 'service_role', 'app_user'];

export interface Comparable {
  schemas: string[];
  extensions: string[];
  tables: Record<string, unknown>;
  indexes: Record<string, unknown>;
  views: Record<string, unknown>;
  functions: Record<string, unknown>;
  sequences: Record<string, unknown>;
  types: Record<string, unknown>;
  grants: string[];
  defaultPrivileges: string[];
  comments: Record<string, string>;
  publications: Record<string, unknown>;
}

/** Expression text without what PostgreSQL's printer adds: casts, parentheses, spacing, case. */
export function normalizeExpression(text: string | null): string | null {
  if (text === null) return null;
  return text
    .replace(/CAST\(('(?:[^']|'')*')\s+AS\s+[a-z_"][a-z0-9_."]*(\[\])*\)/gi, '$1')
    .replace(/::(character varying|double precision|(?:timestamp|time)(?:\(\d+\))? with(?:out)? time zone|bit varying|"[^"]+"|[a-z_][a-z0-9_.]*)(\([0-9, ]+\))?(\[\])*/gi, '')
    .replace(/[()\s]/g, '')
    .toLowerCase();
}

/**
 * Runs the SQL text the model keeps (view queries, policy and CHECK expressions) against the
 * database the files built: each must still be valid there, and a view query must yield the
 * view's columns. Returns what failed.
 */
async function checkModelSql(db: PGlite, schema: SchemaModel, catalog: Catalog): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (label: string, sql: string, expectColumns?: string[]) => {
    try {
      const result = await db.query(sql);
      const columns = result.fields.map((field) => field.name);
      if (expectColumns && columns.join() !== expectColumns.join()) problems.push(`${label}: columns ${columns.join(', ')} instead of ${expectColumns.join(', ')}`);
    } catch (error) {
      problems.push(`${label}: ${(error as Error).message} in ${sql}`);
    }
  };
  for (const [key, view] of schema.views) {
    const columns = catalog.views.find((candidate) => `${candidate.schema}.${candidate.name}` === key)?.columns;
    const expected = view.columnNames.length ? undefined : columns;
    await attempt(`view ${key}`, `select * from (${view.query}) q limit 0`, expected);
  }
  for (const [key, index] of schema.indexes) {
    if (index.constraint) continue;
    const expected = catalog.indexes.find((candidate) => `${candidate.schema}.${candidate.name}` === key)?.definition;
    const include = index.include.length ? ` INCLUDE (${columnList(index.include)})` : '';
    const where = index.where ? ` WHERE ${index.where}` : '';
    const sql = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX miglint_probe ON ${qualifiedKey(index.table)} USING ${index.method} (${index.keySql.join(', ')})${include}${where}`;
    try {
      await db.exec(sql);
      const [row] = (await db.query<{ definition: string }>(`select pg_get_indexdef('${index.schema}.miglint_probe'::regclass) as definition`)).rows;
      await db.exec(`drop index ${index.schema}.miglint_probe`);
      const probe = row?.definition.replace('miglint_probe', ident(index.name));
      if (probe !== expected) problems.push(`index ${key}: ${probe} instead of ${expected}`);
    } catch (error) {
      problems.push(`index ${key}: ${(error as Error).message} in ${sql}`);
    }
  }
  for (const [key, table] of schema.tables) {
    for (const policy of table.policies) {
      for (const expression of [policy.using, policy.withCheck]) {
        if (expression) await attempt(`policy ${policy.name} on ${key}`, `select (${expression})::boolean from ${key} limit 0`);
      }
    }
    for (const constraint of table.constraints) {
      if (constraint.kind === 'check' && constraint.expression) await attempt(`check ${constraint.name} on ${key}`, `select (${constraint.expression})::boolean from ${key} limit 0`);
    }
  }
  return problems;
}

export async function applyToPostgres(dir: string): Promise<{ catalog: Catalog; replay: Replay; sqlProblems: string[] }> {
  const analysis = await analyze(dir, { cwd: dir, preset: 'none' }); // a plain PostgreSQL, whatever the files use
  const db = new PGlite({ extensions: { citext, uuid_ossp } });
  try {
    for (const role of ROLES) await db.exec(`create role ${role}`);
    for (const parsed of analysis.files) {
      if (!parsed.file.replayed || parsed.file.source === null) continue;
      try {
        await db.exec(parsed.file.source);
      } catch (error) {
        throw new Error(`${parsed.file.name} failed in PostgreSQL: ${(error as Error).message}`);
      }
    }
    const catalog = await readCatalog(db);
    const sqlProblems = await checkModelSql(db, persistentSchema(analysis.schema), catalog);
    return { catalog, replay: { schema: analysis.schema, history: analysis.history }, sqlProblems };
  } finally {
    await db.close();
  }
}

/** A statement PostgreSQL rejected while the folder was applied: `file:line message`. */
export type RejectionLine = string;

/**
 * Applies a folder as its runner would, statement by statement, and goes on past rejections: a
 * file its runner applies in one transaction runs in one, and stops (rolled back) at its first
 * rejection. Returns PostgreSQL's catalog, the rejections, and the model of the same folder.
 */
export async function applyLikeRunner(dir: string): Promise<{ catalog: Catalog; replay: Replay; rejections: RejectionLine[] }> {
  const analysis = await analyze(dir, { cwd: dir, preset: 'none' }); // a plain PostgreSQL, whatever the files use
  const db = new PGlite({ extensions: { citext, uuid_ossp } });
  const rejections: RejectionLine[] = [];
  try {
    for (const role of ROLES) await db.exec(`create role ${role}`);
    for (const parsed of analysis.files) {
      if (!parsed.file.replayed) continue;
      const transaction = runsInTransactionBlock(parsed);
      if (transaction) await db.exec('begin');
      let failed = false;
      for (const statement of parsed.statements) {
        try {
          await db.exec(statement.text);
        } catch (error) {
          rejections.push(`${parsed.file.name}:${statement.line} ${(error as Error).message}`);
          failed = true;
          if (transaction) break;
        }
      }
      if (transaction) await db.exec(failed ? 'rollback' : 'commit');
    }
    return { catalog: await readCatalog(db), replay: { schema: analysis.schema, history: analysis.history }, rejections };
  } finally {
    await db.close();
  }
}

const CONSTRAINT_KINDS: Record<string, string> = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclude', n: 'not null' };
const sortedRecord = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function fromCatalog(catalog: Catalog): Comparable {
  const owners = new Map<string, string>([
    ...catalog.tables.map((item): [string, string] => [`${item.schema}.${item.name}`, item.owner]),
    ...catalog.views.map((item): [string, string] => [`${item.schema}.${item.name}`, item.owner]),
    ...catalog.sequences.map((item): [string, string] => [`${item.schema}.${item.name}`, item.owner]),
    ...catalog.functions.map((item): [string, string] => [`${item.schema}.${item.name}(${item.argumentTypes})`, item.owner]),
    ...catalog.schemas.map((item): [string, string] => [item.name, item.owner]),
  ]);
  const functionKeys = new Map(catalog.functions.map((fn) => [`${fn.schema}.${fn.name}(${fn.arguments})`, `${fn.schema}.${fn.name}(${fn.argumentTypes})`]));
  return {
    schemas: catalog.schemas.map((schema) => schema.name),
    extensions: catalog.extensions.filter((extension) => extension.name !== 'plpgsql').map((extension) => `${extension.name} in ${extension.schema}`),
    tables: sortedRecord(
      catalog.tables.map((table) => [
        `${table.schema}.${table.name}`,
        {
          columns: table.columns.map((column) => ({
            name: column.name,
            type: column.type,
            notNull: column.notNull,
            default: normalizeExpression(column.default),
            identity: column.identity,
            generated: normalizeExpression(column.generated),
            collation: column.collation,
          })),
          constraints: table.constraints.map((constraint) => `${CONSTRAINT_KINDS[constraint.type] ?? constraint.type} ${constraint.name}`).sort(),
          rls: [table.rlsEnabled, table.rlsForced],
          storage: table.storageParameters,
          unlogged: table.unlogged,
          partitionOf: table.partitionOf,
          partitioned: table.partitionKey !== null,
          inherits: table.inherits,
          inheritedColumns: table.inheritedColumns,
          inheritedNotNulls: table.constraints.filter((constraint) => constraint.type === 'n' && constraint.inheritedOnly).map((constraint) => constraint.name),
          owner: table.owner === 'postgres' ? null : table.owner,
          policies: catalog.policies
            .filter((policy) => policy.schema === table.schema && policy.table === table.name)
            .map((policy) => ({
              name: policy.name,
              command: policy.command,
              permissive: policy.permissive,
              roles: [...policy.roles].sort(),
              using: normalizeExpression(policy.using),
              withCheck: normalizeExpression(policy.withCheck),
            })),
          triggers: catalog.triggers
            .filter((trigger) => trigger.schema === table.schema && trigger.table === table.name)
            .map((trigger) => trigger.name),
        },
      ]),
    ),
    indexes: sortedRecord(
      catalog.indexes.map((index) => [
        `${index.schema}.${index.name}`,
        { table: index.table, unique: /^CREATE UNIQUE/.test(index.definition), constraint: index.constraint, storage: index.storageParameters },
      ]),
    ),
    views: sortedRecord(
      catalog.views.map((view) => [
        `${view.schema}.${view.name}`,
        { materialized: view.materialized, triggers: catalog.triggers.filter((trigger) => trigger.schema === view.schema && trigger.table === view.name).map((trigger) => trigger.name) },
      ]),
    ),
    functions: sortedRecord(
      catalog.functions.map((fn) => [
        functionKeys.get(`${fn.schema}.${fn.name}(${fn.arguments})`)!,
        { kind: fn.kind, securityDefiner: fn.securityDefiner, language: fn.language, strict: fn.strict, leakproof: fn.leakproof, parallel: fn.parallel },
      ]),
    ),
    sequences: sortedRecord(catalog.sequences.map((sequence) => [`${sequence.schema}.${sequence.name}`, { ownedBy: sequence.ownedBy, unlogged: sequence.unlogged }])),
    types: sortedRecord(
      catalog.types.map((type) => [
        `${type.schema}.${type.name}`,
        {
          kind: type.kind,
          labels: type.labels,
          members: type.kind === 'domain' ? type.members.filter((member) => !member.endsWith(': NOT NULL')).map((member) => member.split(':')[0]) : type.members,
          notNull: type.notNull,
          baseType: type.baseType,
        },
      ]),
    ),
    grants: catalog.grants
      .filter((grant) => grant.grantee !== 'postgres' && grant.grantee !== owners.get(grant.object) && !(grant.objectType === 'schema' && grant.object === 'public'))
      // Every type's default, USAGE for PUBLIC: the model keeps no grants on types.
      .filter((grant) => !(grant.objectType === 'type' && grant.grantee === 'PUBLIC' && grant.privilege === 'USAGE'))
      .map((grant) => `${grant.privilege} on ${grant.object} to ${grant.grantee}${grant.grantable ? ' with grant option' : ''}`)
      .sort(),
    defaultPrivileges: catalog.defaultPrivileges
      .filter((entry) => entry.grantee !== entry.role)
      .map((entry) => `${entry.privilege} on ${entry.objectType} in ${entry.schema ?? '*'} to ${entry.grantee}`)
      .sort(),
    // pg_identify_object qualifies built-in types without an SQL keyword name: f(pg_catalog.text).
    comments: sortedRecord(catalog.comments.map((comment) => [comment.object.replace(/, ?/g, ',').replace(/\bpg_catalog\./g, ''), comment.comment])),
    publications: sortedRecord(catalog.publications.map((publication) => [publication.name, { allTables: publication.allTables, tables: publication.tables }])),
  };
}

/** The model as the catalog shows it: temporary tables live in the session's pg_temp, which it does not read. */
export function fromModel(model: SchemaModel): Comparable {
  const schema = persistentSchema(model);
  const modelOwners = new Map<string, string | null | undefined>([
    ...[...schema.tables.values()].map((item): [string, string | null | undefined] => [`${item.schema}.${item.name}`, item.owner]),
    ...[...schema.views.values()].map((item): [string, string | null | undefined] => [`${item.schema}.${item.name}`, item.owner]),
    ...[...schema.sequences.values()].map((item): [string, string | null | undefined] => [`${item.schema}.${item.name}`, item.owner]),
    ...[...schema.functions].map(([key, item]): [string, string | null | undefined] => [key, item.owner]),
    ...[...schema.schemas.values()].map((item): [string, string | null | undefined] => [item.name, item.owner]),
  ]);
  const comments: [string, string][] = [];
  const comment = (object: string, text: string | null | undefined) => {
    if (text) comments.push([object, text]);
  };
  for (const item of schema.schemas.values()) comment(item.name, item.comment);
  for (const [key, table] of schema.tables) {
    comment(key, table.comment);
    for (const column of table.columns) comment(`${key}.${column.name}`, column.comment);
    for (const constraint of table.constraints) comment(`${constraint.name} on ${key}`, constraint.comment);
    for (const policy of table.policies) comment(`${policy.name} on ${key}`, policy.comment);
    for (const trigger of table.triggers) comment(`${trigger.name} on ${key}`, trigger.comment);
  }
  for (const [key, item] of [...schema.views, ...schema.sequences, ...schema.types, ...schema.indexes]) comment(key, item.comment);
  for (const fn of schema.functions.values()) comment(functionKey(fn.schema, fn.name, fn.signatureTypes), fn.comment);
  for (const extension of schema.extensions.values()) comment(extension.name, extension.comment);
  return {
    schemas: [...schema.schemas.keys()].sort(),
    extensions: [...schema.extensions.values()].map((extension) => `${extension.name} in ${extension.schema}`).sort(),
    tables: sortedRecord(
      [...schema.tables].map(([key, table]) => [
        key,
        {
          columns: table.columns.map((column) => ({
            name: column.name,
            type: column.type,
            notNull: column.notNull,
            default: normalizeExpression(column.default),
            identity: column.identity,
            generated: normalizeExpression(column.generated),
            collation: column.collation,
          })),
          constraints: [
            ...table.constraints.map((constraint) => `${constraint.kind} ${constraint.name}`),
            ...table.columns.flatMap((column) => (column.notNull ? [`not null ${notNullName(schema, table, column)}`] : [])),
          ].sort(),
          rls: [table.rlsEnabled, table.rlsForced],
          storage: table.storageParameters ?? [],
          unlogged: table.unlogged === true,
          partitionOf: table.partitionOf,
          partitioned: table.partitionBy !== null,
          inherits: table.inherits,
          inheritedColumns: table.partitionOf ? [] : table.columns.filter((column) => column.inherited).map((column) => column.name),
          inheritedNotNulls: table.partitionOf ? [] : table.columns.filter((column) => column.notNullInherited).map((column) => notNullName(schema, table, column)).sort(),
          owner: table.owner,
          policies: [...table.policies]
            .sort((a, b) => (a.name < b.name ? -1 : 1))
            .map((policy) => ({
              name: policy.name,
              command: policy.command,
              permissive: policy.permissive,
              roles: [...policy.roles].sort(),
              using: normalizeExpression(policy.using),
              withCheck: normalizeExpression(policy.withCheck),
            })),
          triggers: table.triggers.map((trigger) => trigger.name).sort(),
        },
      ]),
    ),
    indexes: sortedRecord(
      [...schema.indexes].map(([key, index]) => [key, { table: index.table, unique: index.unique, constraint: index.constraint, storage: index.storageParameters ?? [] }]),
    ),
    views: sortedRecord([...schema.views].map(([key, view]) => [key, { materialized: view.materialized, triggers: view.triggers.map((trigger) => trigger.name).sort() }])),
    functions: sortedRecord(
      [...schema.functions].map(([key, fn]) => [
        key,
        { kind: fn.kind, securityDefiner: fn.securityDefiner, language: fn.language, strict: fn.strict, leakproof: fn.leakproof, parallel: fn.parallel.charAt(0).toLowerCase() },
      ]),
    ),
    sequences: sortedRecord(
      [...schema.sequences].map(([key, sequence]) => [key, { ownedBy: sequence.ownedBy ? `${sequence.ownedBy.table}.${sequence.ownedBy.column}` : null, unlogged: sequence.unlogged === true }]),
    ),
    types: sortedRecord(
      [...schema.types].map(([key, type]) => [
        key,
        {
          kind: type.kind,
          labels: type.labels,
          members: type.kind === 'domain' ? type.checks.map((check) => check.name).sort() : type.attributes.map((attribute) => `${attribute.name} ${attribute.type}`),
          notNull: type.notNull,
          baseType: type.baseType,
        },
      ]),
    ),
    grants: schema.grants
      .filter((grant) => !(grant.objectType === 'schema' && grant.object === 'public'))
      // As the catalog side: what the owner holds on the object itself is the owner's anyway.
      .filter((grant) => grant.column !== null || grant.grantee !== (modelOwners.get(grant.object) ?? 'postgres'))
      .map((grant) => `${grant.privilege} on ${grant.column ? `${grant.object}.${grant.column}` : grant.object} to ${grant.grantee}${grant.grantable ? ' with grant option' : ''}`)
      .sort(),
    defaultPrivileges: schema.defaultPrivileges
      .filter((entry) => entry.origin !== null)
      .map((entry) => `${entry.privilege} on ${entry.objectType} in ${entry.schema ?? '*'} to ${entry.grantee}`).sort(),
    comments: sortedRecord(comments.map(([object, text]) => [object.replace(/, ?/g, ','), text])),
    publications: sortedRecord([...schema.publications].map(([name, publication]) => [name, { allTables: publication.allTables, tables: [...publication.tables].sort() }])),
  };
}
