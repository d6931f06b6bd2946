import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from '../../src/parse/index.js';
import { renameColumnInExpression, renameColumnInQuery, renameRelationInQuery, unqualifyColumns } from '../../src/replay/rewrite.js';

beforeAll(() => loadParser());

describe('stored SQL follows renames', () => {
  it('names a renamed or moved table anew, in FROM and in qualified column references', () => {
    expect(renameRelationInQuery('SELECT posts.id, title FROM posts', { schema: 'public', name: 'posts' }, { schema: 'archive', name: 'articles' }, 'public')).toBe(
      'SELECT articles.id, title FROM archive.articles',
    );
    expect(renameRelationInQuery('SELECT p.id FROM posts p', { schema: 'public', name: 'posts' }, { schema: 'public', name: 'articles' }, 'public')).toBe(
      'SELECT p.id FROM articles AS p',
    );
    expect(renameRelationInQuery('SELECT id FROM other', { schema: 'public', name: 'posts' }, { schema: 'public', name: 'articles' }, 'public')).toBe('SELECT id FROM other');
  });

  it('renames a column in a view query and keeps the output column name', () => {
    expect(renameColumnInQuery('SELECT id, nick FROM people WHERE nick IS NOT NULL', { schema: 'public', name: 'people' }, 'nick', 'handle', 'public')).toBe(
      'SELECT id, handle AS nick FROM people WHERE handle IS NOT NULL',
    );
    expect(renameColumnInQuery('SELECT p.nick, o.nick FROM people p JOIN others o ON true', { schema: 'public', name: 'people' }, 'nick', 'handle', 'public')).toBe(
      'SELECT p.handle AS nick, o.nick FROM people AS p JOIN others AS o ON true',
    );
  });

  it('renames columns in a one-table expression and drops a stale table qualifier', () => {
    expect(renameColumnInExpression("nick <> '' AND people.age > 1", 'people', 'age', 'years')).toBe("nick <> '' AND people.years > 1");
    expect(unqualifyColumns("nick <> '' AND people.years > 1", 'people')).toBe("nick <> '' AND years > 1");
    expect(renameColumnInExpression('not valid sql (((', 'people', 'age', 'years')).toBe('not valid sql (((');
  });
});
