/**
 * Schemas, extensions, types, sequences and publications: what tables are built from. Schemas
 * and extensions are created IF NOT EXISTS: a platform (Supabase's `extensions`) may have them.
 */
import type { Extension, Publication, SchemaModel, SchemaObject, Sequence, TypeObject } from '../replay/model.js';
import { byOrigin } from './origin-order.js';
import { ident, literal, persistence, qualified, qualifiedKey } from './sql.js';

export function createSchemas(schema: SchemaModel): string[] {
  return [...schema.schemas.values()]
    .filter((item): item is SchemaObject & { created: NonNullable<SchemaObject['created']> } => item.created !== null)
    .sort(byOrigin)
    .map((item) => `CREATE SCHEMA IF NOT EXISTS ${ident(item.name)}${item.owner ? ` AUTHORIZATION ${ident(item.owner)}` : ''};`);
}

export function createExtensions(schema: SchemaModel): string[] {
  return [...schema.extensions.values()].sort(byOrigin).map((extension: Extension) => {
    const version = extension.version ? ` VERSION ${literal(extension.version)}` : '';
    return `CREATE EXTENSION IF NOT EXISTS ${ident(extension.name)} WITH SCHEMA ${ident(extension.schema)}${version};`;
  });
}

export function createType(type: TypeObject): string {
  const name = qualified(type.schema, type.name);
  switch (type.kind) {
    case 'enum':
      return `CREATE TYPE ${name} AS ENUM (${type.labels.map(literal).join(', ')});`;
    case 'composite':
      return `CREATE TYPE ${name} AS (\n${type.attributes.map((attribute) => `  ${ident(attribute.name)} ${attribute.type}`).join(',\n')}\n);`;
    case 'range':
      return `CREATE TYPE ${name} AS RANGE (subtype = ${type.baseType ?? 'text'});`;
    case 'domain': {
      const parts = [`CREATE DOMAIN ${name} AS ${type.baseType ?? 'text'}`];
      if (type.default !== null) parts.push(`DEFAULT ${type.default}`);
      if (type.notNull) parts.push('NOT NULL');
      for (const check of type.checks) parts.push(`CONSTRAINT ${ident(check.name)} CHECK (${check.expression})`);
      return `${parts.join('\n  ')};`;
    }
  }
}

export function createTypes(schema: SchemaModel): string[] {
  return [...schema.types.values()].sort(byOrigin).map(createType);
}

const SEQUENCE_OPTIONS: Record<string, string> = {
  increment: 'INCREMENT BY',
  start: 'START WITH',
  minvalue: 'MINVALUE',
  maxvalue: 'MAXVALUE',
  cache: 'CACHE',
  cycle: 'CYCLE',
  restart: 'RESTART',
};

function sequenceOptions(sequence: Sequence): string {
  const parts: string[] = [];
  if (sequence.dataType !== 'bigint') parts.push(`AS ${sequence.dataType}`);
  for (const [name, value] of Object.entries(sequence.options).sort(([a], [b]) => a.localeCompare(b))) {
    if (name === 'restart') continue;
    if (name === 'cycle') parts.push(value === 'false' ? 'NO CYCLE' : 'CYCLE');
    else if ((name === 'minvalue' || name === 'maxvalue') && value === '') parts.push(`NO ${name.toUpperCase()}`);
    else parts.push(`${SEQUENCE_OPTIONS[name] ?? name.toUpperCase()} ${value}`);
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

export function createSequence(sequence: Sequence): string {
  return `CREATE ${persistence(sequence)}SEQUENCE ${qualified(sequence.schema, sequence.name)}${sequenceOptions(sequence)};`;
}

export function ownSequence(sequence: Sequence): string | null {
  if (!sequence.ownedBy) return null;
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${qualifiedKey(sequence.ownedBy.table)}.${ident(sequence.ownedBy.column)};`;
}

export function createPublication(publication: Publication): string {
  const target = publication.allTables
    ? ' FOR ALL TABLES'
    : [
        publication.tables.length > 0 ? `TABLE ${publication.tables.map(qualifiedKey).join(', ')}` : '',
        publication.schemas.length > 0 ? `TABLES IN SCHEMA ${publication.schemas.map(ident).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(', ');
  const objects = publication.allTables ? target : target ? ` FOR ${target}` : '';
  const publish = publication.publish !== null ? ` WITH (publish = ${literal(publication.publish)})` : '';
  return `CREATE PUBLICATION ${ident(publication.name)}${objects}${publish};`;
}
