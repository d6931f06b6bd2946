/**
 * PostgreSQL's dependency tracking (pg_depend) for DROP: what depends on a table, view, type,
 * function or extension, described as PostgreSQL's DETAIL lists it, and removed with it by
 * CASCADE. Only what pg_depend records counts: a plpgsql or quoted SQL function body does not
 * depend on what it reads, a SQL-standard body (BEGIN ATOMIC, RETURN) does.
 */
import type { ReplayContext } from '../context.js';
import { qualifiedName, type FunctionObject, type Index, type SchemaModel, type Table, type TypeObject } from '../model.js';
import { expressionMentions, statementMentions, typeMentions, type Mentions, type NameMention } from '../mentions.js';
import { expressionUsesColumn, queryUsesColumn } from '../rewrite.js';
import { dropColumnDependents, dropConstraint } from './dependents.js';
import { dropGrants } from './grants.js';

export type DropTarget = { kind: 'relation' | 'type' | 'function'; key: string } | { kind: 'extension'; name: string };

export interface Dependent {
  /** As PostgreSQL's DETAIL names it: `view public.v`, `policy p on table public.t`. */
  description: string;
  /** Key of the table, view, function or type it is part of (or is). */
  owner: string;
  remove: () => void;
}

/**
 * What PostgreSQL knows an extension makes, for the extensions migrations use: functions and
 * types by name. Column defaults, indexes and policies that call them go with DROP EXTENSION ...
 * CASCADE; columns of its types are dropped.
 */
const EXTENSION_MEMBERS: Record<string, { functions: string[]; types: string[] }> = {
  'uuid-ossp': { functions: ['uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v3', 'uuid_generate_v4', 'uuid_generate_v5', 'uuid_nil', 'uuid_ns_dns', 'uuid_ns_url', 'uuid_ns_oid', 'uuid_ns_x500'], types: [] },
  pgcrypto: { functions: ['gen_random_bytes', 'gen_salt', 'crypt', 'digest', 'hmac', 'encrypt', 'decrypt', 'encrypt_iv', 'decrypt_iv', 'pgp_sym_encrypt', 'pgp_sym_decrypt', 'pgp_pub_encrypt', 'pgp_pub_decrypt', 'armor', 'dearmor'], types: [] },
  citext: { functions: [], types: ['citext'] },
  hstore: { functions: ['hstore', 'akeys', 'avals', 'skeys', 'svals'], types: ['hstore'] },
  ltree: { functions: ['subltree', 'subpath', 'nlevel', 'text2ltree', 'ltree2text'], types: ['ltree', 'lquery', 'ltxtquery'] },
  pg_trgm: { functions: ['similarity', 'word_similarity', 'strict_word_similarity', 'show_trgm'], types: [] },
  vector: { functions: ['l2_distance', 'cosine_distance', 'inner_product', 'vector_dims', 'vector_norm'], types: ['vector', 'halfvec', 'sparsevec'] },
  unaccent: { functions: ['unaccent'], types: [] },
};

function split(key: string): { schema: string; name: string } {
  const dot = key.indexOf('.');
  return { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

/** Whether an unqualified or qualified name resolves to `schema`.`name` for text kept in `home`. */
function resolvesTo(ctx: ReplayContext, mention: NameMention, { schema, name }: { schema: string; name: string }, home: string): boolean {
  if (mention.name !== name) return false;
  return mention.schema !== undefined ? mention.schema === schema : schema === home || ctx.schema.searchPath.includes(schema) || schema === 'public';
}

type NamesTarget = (found: Mentions, home: string) => boolean;

/**
 * Whether SQL names the target (for a table or view: the relation or its row type). Built once
 * per DROP, as it asks every text the model keeps; texts that name nothing called like the
 * target are passed over on their set of names.
 */
function namesTarget(ctx: ReplayContext, target: DropTarget): NamesTarget {
  switch (target.kind) {
    case 'relation': {
      const wanted = split(target.key);
      return (found, home) =>
        found.names.has(wanted.name) &&
        (found.relations.some((mention) => resolvesTo(ctx, mention, wanted, home)) || found.types.some((mention) => resolvesTo(ctx, mention, wanted, home)));
    }
    case 'type': {
      const wanted = split(target.key);
      return (found, home) => found.names.has(wanted.name) && found.types.some((mention) => resolvesTo(ctx, mention, wanted, home));
    }
    case 'function': {
      const fn = ctx.schema.functions.get(target.key);
      if (!fn) return () => false;
      const wanted = split(qualifiedName(fn.schema, fn.name));
      let overloads: number | undefined;
      return (found, home) => {
        if (!found.names.has(wanted.name)) return false;
        overloads ??= [...ctx.schema.functions.values()].filter((other) => other.schema === fn.schema && other.name === fn.name).length;
        return found.functions.some((call) => resolvesTo(ctx, call, wanted, home) && (overloads === 1 || call.arguments === fn.signatureTypes.length));
      };
    }
    case 'extension': {
      const members = EXTENSION_MEMBERS[target.name];
      const schema = ctx.schema.extensions.get(target.name)?.schema ?? 'public';
      if (!members) return () => false;
      const member = (mention: NameMention, names: string[]) => names.includes(mention.name) && (mention.schema === undefined || mention.schema === schema);
      return (found) => found.functions.some((call) => member(call, members.functions)) || found.types.some((type) => member(type, members.types));
    }
  }
}

function tableKey(table: Table): string {
  return qualifiedName(table.schema, table.name);
}

/** The dependents PostgreSQL lists for the target, nearest first; removing one takes its own dependents along. */
export function dependentsOf(ctx: ReplayContext, target: DropTarget): Dependent[] {
  const schema = ctx.schema;
  const found: Dependent[] = [];
  const self = target.kind === 'extension' ? null : target.key;
  const names = namesTarget(ctx, target);

  for (const [key, view] of schema.views) {
    if (key === self) continue;
    const reads = target.kind === 'relation' ? view.dependsOn.includes(target.key) : names(statementMentions(view.query), view.schema);
    if (reads) found.push({ description: `${view.materialized ? 'materialized view' : 'view'} ${key}`, owner: key, remove: () => dropRelation(ctx, key) });
  }
  for (const [key, table] of schema.tables) {
    if (key === self) continue;
    if (target.kind === 'relation' && table.inherits.includes(target.key)) found.push({ description: `table ${key}`, owner: key, remove: () => dropRelation(ctx, key) });
    for (const column of table.columns) {
      const name = column.name;
      if (names(typeMentions(column.type), table.schema) || names(expressionMentions(column.generated), table.schema)) {
        found.push({ description: `column ${name} of table ${key}`, owner: key, remove: () => dropColumn(ctx, table, name) });
      } else if (names(expressionMentions(column.default), table.schema)) {
        found.push({ description: `default value for column ${name} of table ${key}`, owner: key, remove: () => (column.default = null) });
      }
    }
    for (const constraint of table.constraints) {
      const referenced = target.kind === 'relation' && constraint.references?.table === target.key;
      if (referenced || (constraint.kind === 'check' && names(expressionMentions(constraint.expression), table.schema))) {
        found.push({ description: `constraint ${constraint.name} on table ${key}`, owner: key, remove: () => dropConstraint(schema, table, constraint.name) });
      }
    }
    for (const policy of table.policies) {
      if (names(expressionMentions(policy.using), table.schema) || names(expressionMentions(policy.withCheck), table.schema)) {
        found.push({ description: `policy ${policy.name} on table ${key}`, owner: key, remove: () => (table.policies = table.policies.filter((other) => other !== policy)) });
      }
    }
  }
  for (const hosts of [schema.tables, schema.views]) {
    for (const [key, host] of hosts) {
      if (key === self) continue;
      for (const trigger of host.triggers) {
        if (target.kind === 'function' ? trigger.function === target.key : names(expressionMentions(trigger.when), host.schema)) {
          const kind = schema.tables.has(key) ? 'table' : 'view';
          found.push({ description: `trigger ${trigger.name} on ${kind} ${key}`, owner: key, remove: () => (host.triggers = host.triggers.filter((other) => other !== trigger)) });
        }
      }
    }
  }
  for (const [key, index] of schema.indexes) {
    if (index.table === self) continue;
    if (indexNames(index, (text) => names(expressionMentions(text), index.schema))) {
      found.push({ description: `index ${key}`, owner: index.table, remove: () => schema.indexes.delete(key) });
    }
  }
  for (const [key, fn] of schema.functions) {
    if (key === self) continue;
    if (names(signatureAndStandardBody(fn), fn.schema)) found.push({ description: `${fn.kind} ${key}`, owner: key, remove: () => dropFunction(ctx, key) });
  }
  for (const [key, type] of schema.types) {
    if (key === self) continue;
    if (type.baseType !== null && names(typeMentions(type.baseType), type.schema)) {
      found.push({ description: `type ${key}`, owner: key, remove: () => dropType(ctx, key) });
      continue;
    }
    for (const attribute of type.attributes) {
      if (names(typeMentions(attribute.type), type.schema)) {
        found.push({ description: `column ${attribute.name} of composite type ${key}`, owner: key, remove: () => (type.attributes = type.attributes.filter((other) => other !== attribute)) });
      }
    }
    domainDependents(type, key, (text) => names(expressionMentions(text), type.schema), found);
  }
  return found;
}

/** Whether an index's expression keys or its predicate name the target. */
function indexNames(index: Index, names: (text: string | null) => boolean): boolean {
  for (const [position, key] of index.keys.entries()) if (index.keySql[position]?.startsWith('(') && names(key)) return true;
  return names(index.where);
}

function domainDependents(type: TypeObject, key: string, names: (text: string | null) => boolean, found: Dependent[]): void {
  for (const check of type.checks) {
    if (names(check.expression)) found.push({ description: `constraint ${check.name} on type ${key}`, owner: key, remove: () => (type.checks = type.checks.filter((other) => other !== check)) });
  }
  if (names(type.default)) found.push({ description: `default value for type ${key}`, owner: key, remove: () => (type.default = null) });
}

/**
 * A function's signature types, and its body when it is SQL-standard (BEGIN ATOMIC or RETURN):
 * PostgreSQL parses only those at creation. A quoted body (`AS $$ ... $$`) is a string constant
 * in the tree, so it contributes nothing here.
 */
function signatureAndStandardBody(fn: FunctionObject): Mentions {
  const found = statementMentions(fn.sql);
  const own = (call: NameMention) => call.name === fn.name && (call.schema === undefined || call.schema === fn.schema);
  // Every DROP asks this of every function: copy only the rare body that calls itself.
  return found.functions.some(own) ? { ...found, functions: found.functions.filter((call) => !own(call)) } : found;
}

/** Removes every dependent of the target, and theirs, as CASCADE does. */
export function removeDependents(ctx: ReplayContext, target: DropTarget): void {
  for (const dependent of dependentsOf(ctx, target)) dependent.remove();
}

/** A table or view with everything that depends on it. */
export function dropRelation(ctx: ReplayContext, key: string): void {
  const table = ctx.schema.tables.get(key);
  const view = ctx.schema.views.get(key);
  if (!table && !view) return;
  removeDependents(ctx, { kind: 'relation', key });
  if (table) {
    for (const partition of [...ctx.schema.tables.values()].filter((other) => other.partitionOf === key)) dropRelation(ctx, tableKey(partition));
    dropOwnParts(ctx.schema, key);
    ctx.schema.tables.delete(key);
    for (const publication of ctx.schema.publications.values()) publication.tables = publication.tables.filter((other) => other !== key);
  } else {
    ctx.schema.views.delete(key);
  }
  for (const [indexKey, index] of ctx.schema.indexes) if (index.table === key) ctx.schema.indexes.delete(indexKey);
  dropGrants(ctx, key);
}

function dropOwnParts(schema: SchemaModel, key: string): void {
  for (const [statisticsKey, statistics] of schema.statistics) if (statistics.table === key) schema.statistics.delete(statisticsKey);
  for (const [sequenceKey, sequence] of schema.sequences) if (sequence.ownedBy?.table === key) schema.sequences.delete(sequenceKey);
}

export function dropFunction(ctx: ReplayContext, key: string): void {
  if (!ctx.schema.functions.has(key)) return;
  removeDependents(ctx, { kind: 'function', key });
  ctx.schema.functions.delete(key);
  dropGrants(ctx, key);
}

export function dropType(ctx: ReplayContext, key: string): void {
  if (!ctx.schema.types.has(key)) return;
  removeDependents(ctx, { kind: 'type', key });
  ctx.schema.types.delete(key);
  dropGrants(ctx, key);
}

/**
 * What PostgreSQL refuses to drop along with a column unless CASCADE is given, as its DETAIL
 * lists them (measured in PostgreSQL 18): views and policies that read the column, triggers that
 * name it (`UPDATE OF`, `WHEN`), foreign keys that reference it, and generated columns computed
 * from it. The column's own indexes, constraints, statistics and sequences go with it silently.
 */
export function columnDependents(ctx: ReplayContext, table: Table, column: string): Dependent[] {
  const key = tableKey(table);
  const found: Dependent[] = [];
  for (const [viewKey, view] of ctx.schema.views) {
    if (view.dependsOn.includes(key) && queryUsesColumn(view.query, { schema: table.schema, name: table.name }, column, view.schema)) {
      found.push({ description: `${view.materialized ? 'materialized view' : 'view'} ${viewKey}`, owner: viewKey, remove: () => dropRelation(ctx, viewKey) });
    }
  }
  for (const policy of table.policies) {
    if ([policy.using, policy.withCheck].some((text) => text !== null && expressionUsesColumn(text, table.name, column))) {
      found.push({ description: `policy ${policy.name} on table ${key}`, owner: key, remove: () => (table.policies = table.policies.filter((other) => other !== policy)) });
    }
  }
  for (const trigger of table.triggers) {
    const listed = trigger.events.some((event) => event.startsWith('UPDATE OF ') && event.slice('UPDATE OF '.length).split(', ').includes(column));
    const compared = trigger.when !== null && (expressionUsesColumn(trigger.when, 'new', column) || expressionUsesColumn(trigger.when, 'old', column));
    if (listed || compared) found.push({ description: `trigger ${trigger.name} on table ${key}`, owner: key, remove: () => (table.triggers = table.triggers.filter((other) => other !== trigger)) });
  }
  for (const owner of ctx.schema.tables.values()) {
    for (const constraint of owner.constraints) {
      const ownColumn = owner === table && constraint.columns.includes(column);
      if (constraint.kind !== 'foreign key' || ownColumn || constraint.references?.table !== key || !constraint.references.columns.includes(column)) continue;
      found.push({ description: `constraint ${constraint.name} on table ${tableKey(owner)}`, owner: tableKey(owner), remove: () => dropConstraint(ctx.schema, owner, constraint.name) });
    }
  }
  for (const other of table.columns) {
    if (other.name !== column && other.generated !== null && expressionUsesColumn(other.generated, table.name, column)) {
      found.push({ description: `column ${other.name} of table ${key}`, owner: key, remove: () => dropColumn(ctx, table, other.name) });
    }
  }
  return found;
}

/** A column with everything that depends on it (as CASCADE), on the table and its partitions. */
export function dropColumn(ctx: ReplayContext, table: Table, column: string): void {
  if (!table.columns.some((candidate) => candidate.name === column)) return;
  for (const dependent of columnDependents(ctx, table, column)) dependent.remove();
  table.columns = table.columns.filter((candidate) => candidate.name !== column);
  dropColumnDependents(ctx.schema, table, column);
  const key = tableKey(table);
  for (const partition of [...ctx.schema.tables.values()].filter((other) => other.partitionOf === key)) dropColumn(ctx, partition, column);
}

/** PostgreSQL's DETAIL for a refused DROP, one dependent per line joined: `view public.v, constraint fk on table public.t`. */
export function describeDependents(dependents: Dependent[]): string {
  return dependents.map((dependent) => dependent.description).join(', ');
}
