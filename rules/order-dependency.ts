import { compareOrigins, originOf, positionAt, relationKey } from '../src/ast.js';
import { RELATION_KINDS } from '../src/facts/relation-kinds.js';
import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import { defineRule, where, type Report } from '../src/rule.js';

export default defineRule({
  id: 'order-dependency',
  category: 'history',
  severity: 'error',
  description: 'A statement uses a table that is only created by a later migration.',
  docs: {
    why: 'Run in order, the statement fails because the table does not exist yet. It worked once only because files were applied by hand in another order, or because the file was renamed (or has no version) and now sorts differently.',
    fix: 'Move the statement into a migration after the one that creates the table, or renumber the file so that it runs after it.',
    bad: '-- add-document-relationships.sql (no version: runs last)\n-- 014_assistant_knowledge.sql uses document_relationships ...\nALTER TABLE document_relationships ADD COLUMN note text;',
    good: '-- 029_document_relationships.sql\nCREATE TABLE document_relationships (...);\n-- 030_document_relationships_note.sql\nALTER TABLE document_relationships ADD COLUMN note text;',
  },
  // PostgreSQL's `relation "x" does not exist` at a statement this rule reports is this rule's.
  claims: [{ code: 'missing', kinds: RELATION_KINDS }],
  check({ facts, preset }) {
    const reports: Report[] = [];
    for (const { place, relations } of facts.references) {
      for (const { relation, usage } of relations) {
        if (isPlatformRelation(preset, relationKey(relation))) continue;
        const created = facts.relations.creation(relation);
        if (!created || compareOrigins(created, originOf(place)) <= 0) continue;
        const name = displayName(relationKey(relation));
        reports.push({
          ...positionAt(place, relation.location),
          message: `${usage} "${name}" runs before "${name}" is created (${where(created)}).`,
          related: [{ file: created.path, line: created.line, message: `"${name}" created here` }],
        });
      }
    }
    return reports;
  },
});
