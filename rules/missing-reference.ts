import { positionAt, relationKey } from '../src/ast.js';
import type { Facts } from '../src/facts/index.js';
import { RELATION_KINDS } from '../src/facts/relation-kinds.js';
import { isLikelyDynamicPartition } from '../src/facts/relations.js';
import { displayName } from '../src/names.js';
import { isBuiltinRole, isPlatformRelation, isPlatformRole, isRunnerTable, platformObjects, type Preset } from '../src/presets.js';
import { eventText, type HistoryEvent, type ObjectType } from '../src/replay/history.js';
import type { SchemaModel } from '../src/replay/model.js';
import { at, defineRule, type Report } from '../src/rule.js';
import type { RefusedCreate } from '../src/facts/refused-creates.js';

const BUILTIN_SCHEMAS = new Set(['public', 'pg_catalog', 'information_schema', 'pg_temp']);
const SCHEMA_OBJECTS = new Set<ObjectType>(['table', 'view', 'function', 'type', 'sequence']);

/**
 * Objects created in a schema that no migration creates (PostgreSQL: schema "auth" does not
 * exist), reported once per schema, at its first object: hasura-auth's folder runs on a
 * database where the service made `auth` first.
 */
function missingSchemas(facts: Facts, schema: SchemaModel, preset: Preset): Report[] {
  const created = new Set(facts.events('schema', 'create').map((event) => event.name));
  const known = (name: string) => created.has(name) || schema.schemas.has(name) || BUILTIN_SCHEMAS.has(name) || platformObjects(preset).schemas.has(name);
  const firstUse = new Map<string, HistoryEvent>();
  for (const event of facts.events(null, 'create')) {
    if (!SCHEMA_OBJECTS.has(event.objectType)) continue;
    const name = event.name.split('.')[0]!;
    if (!known(name) && !firstUse.has(name)) firstUse.set(name, event);
  }
  return [...firstUse].map(([name, event]) => ({
    ...at(event.origin),
    message: `CREATE ${event.objectType.toUpperCase()} "${displayName(event.name)}": no migration creates schema "${name}".`,
  }));
}

/** Says why the relation does not exist although the chain creates it. */
function refusedMessage(name: string, { origin, rejection }: RefusedCreate): string {
  const where = `${origin.path}:${origin.line}`;
  const rejectedAt = `${rejection.origin.path}:${rejection.origin.line}`;
  if (rejectedAt === where) return `the CREATE of "${name}" at ${where} was rejected: ${eventText(rejection)}.`;
  return `the CREATE of "${name}" at ${where} was rolled back: its runner applies that file in one transaction, and PostgreSQL rejected ${rejectedAt} (${eventText(rejection)}).`;
}

export default defineRule({
  id: 'missing-reference',
  category: 'history',
  severity: 'error',
  description: 'A statement uses a table (ALTER, INDEX, POLICY, TRIGGER, REFERENCES, GRANT), a role (GRANT TO, POLICY TO) or a schema (CREATE TABLE auth.x) that no migration creates.',
  docs: {
    why: 'The folder cannot build the database on its own: the table was created by hand, by a file since deleted, or by another tool. A fresh environment (CI, a new developer, a preview branch) fails at this statement.',
    fix: 'Add a migration that creates the table before its first use; or, for tables a platform provides (Supabase\'s auth.users), set the matching `preset` in miglint.config.json.',
    bad: '-- no migration creates users\nCREATE TABLE feedback (id uuid PRIMARY KEY, user_id uuid REFERENCES users(id));',
    good: 'CREATE TABLE users (id uuid PRIMARY KEY);\nCREATE TABLE feedback (id uuid PRIMARY KEY, user_id uuid REFERENCES users(id));',
  },
  // PostgreSQL's `relation "x" does not exist` at a statement this rule reports is this rule's.
  claims: [{ code: 'missing', kinds: RELATION_KINDS }],
  check({ facts, schema, preset, providedRoles }) {
    const reports: Report[] = missingSchemas(facts, schema, preset);
    for (const { place, relations, roles } of facts.references) {
      for (const { role, location, usage } of roles) {
        if (facts.createdRoles.has(role) || isBuiltinRole(role) || isPlatformRole(preset, role) || providedRoles.includes(role)) continue;
        reports.push({ ...positionAt(place, location), message: `${usage} "${role}": no migration creates role "${role}".` });
      }
      for (const { relation, usage } of relations) {
        if (isPlatformRelation(preset, relationKey(relation)) || isRunnerTable(relation.relname ?? '', relation.schemaname ?? null) || facts.relations.creation(relation)) continue;
        if (isLikelyDynamicPartition(schema, relation)) continue;
        const name = displayName(relationKey(relation));
        const refused = facts.refusedCreates.of(relation);
        // Inside the file that was undone, the relation existed until the rejection.
        if (refused && refused.rejection.origin !== refused.origin && refused.origin.fileOrder === place.file.file.order && refused.origin.statementIndex < place.statement.index) continue;
        reports.push({
          ...positionAt(place, relation.location),
          message: refused ? `${usage} "${name}": ${refusedMessage(name, refused)}` : `${usage} "${name}": no migration creates "${name}".`,
          ...(refused ? { related: [{ file: refused.origin.path, line: refused.origin.line, message: `the CREATE of "${name}"` }] } : {}),
        });
      }
    }
    return reports;
  },
});
