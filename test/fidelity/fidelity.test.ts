import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParser } from '../../src/parse/index.js';
import { eventText } from '../../src/replay/history.js';
import { applyToPostgres, fromCatalog, fromModel } from './harness.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
/** Roles are cluster-wide, outside the schema model by design: their statements are carried, not modelled. */
const ROLE_STATEMENTS = new Set(['CreateRoleStmt', 'AlterRoleStmt', 'AlterRoleSetStmt', 'DropRoleStmt', 'GrantRoleStmt']);

describe('the replayed model says what PostgreSQL says', () => {
  for (const fixture of readdirSync(FIXTURES).sort()) {
    it(fixture, async () => {
      await loadParser();
      const { catalog, replay, sqlProblems } = await applyToPostgres(path.join(FIXTURES, fixture));
      expect(fromModel(replay.schema)).toEqual(fromCatalog(catalog));
      expect(sqlProblems).toEqual([]);
      const problems = replay.history.filter((event) => event.action === 'error' || (event.action === 'uninterpreted' && !ROLE_STATEMENTS.has(event.innerKind ?? event.statementKind)));
      expect(problems.map((event) => `${event.origin.line}: ${eventText(event)}`)).toEqual([]);
    }, 60_000);
  }
});
