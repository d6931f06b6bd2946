import { positionAt, relationKey, replayedStatements } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { isBuiltinRole, isPlatformRelation, isPlatformRole, isRunnerTable } from '../src/presets.js';
import { createdRoles, isLikelyDynamicPartition, referencesOf, RelationTimeline, roleReferencesOf } from '../src/relations.js';
import { defineRule, type Report } from '../src/rule.js';

export default defineRule({
  id: 'missing-reference',
  category: 'history',
  severity: 'error',
  description: 'A statement uses a table (ALTER, INDEX, POLICY, TRIGGER, REFERENCES, GRANT) or a role (GRANT TO, POLICY TO) that no migration creates.',
  docs: {
    why: 'The folder cannot build the database on its own: the table was created by hand, by a file since deleted, or by another tool. A fresh environment (CI, a new developer, a preview branch) fails at this statement.',
    fix: 'Add a migration that creates the table before its first use; or, for tables a platform provides (Supabase\'s auth.users), set the matching `preset` in miglint.config.json.',
    bad: '-- no migration creates users\nCREATE TABLE feedback (id uuid PRIMARY KEY, user_id uuid REFERENCES users(id));',
    good: 'CREATE TABLE users (id uuid PRIMARY KEY);\nCREATE TABLE feedback (id uuid PRIMARY KEY, user_id uuid REFERENCES users(id));',
  },
  check({ files, history, schema, preset }) {
    const timeline = new RelationTimeline(files, history);
    const roles = createdRoles(files);
    const reports: Report[] = [];
    for (const place of replayedStatements(files)) {
      for (const { role, location, usage } of roleReferencesOf(place)) {
        if (roles.has(role) || isBuiltinRole(role) || isPlatformRole(preset, role)) continue;
        reports.push({ ...positionAt(place, location), message: `${usage} "${role}": no migration creates role "${role}".` });
      }
      for (const { relation, usage } of referencesOf(place)) {
        if (isPlatformRelation(preset, relationKey(relation)) || isRunnerTable(relation.relname ?? '') || timeline.creation(relation)) continue;
        if (isLikelyDynamicPartition(schema, relation)) continue;
        const name = displayName(relationKey(relation));
        reports.push({
          ...positionAt(place, relation.location),
          message: `${usage} "${name}": no migration creates "${name}".`,
        });
      }
    }
    return reports;
  },
});
