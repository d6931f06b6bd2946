/** Bugs found by running miglint on public migration folders, each pinned by the smallest case. */
import { describe, expect, it } from 'vitest';
import mixedVersionFormat from '../rules/mixed-version-format.js';
import sortOrderMismatch from '../rules/sort-order-mismatch.js';
import { parseMigrationName } from '../src/discover/filename.js';
import { findingsOf } from './support/rule-tester.js';

describe('found on real folders', () => {
  it('Diesel 2.2 folder names: the -0000 counter is not part of the version (lemmy)', async () => {
    expect(parseMigrationName('2025-09-19-132648-0000_theme-instance-default/up.sql')).toMatchObject({
      scheme: 'diesel',
      version: '20250919132648',
      description: 'theme-instance-default',
      direction: 'up',
    });
    const folder = {
      name: 'old and new Diesel names',
      files: {
        '2019-01-01-000000_init/up.sql': 'CREATE TABLE a (id int PRIMARY KEY);',
        '2025-09-19-132648-0000_theme/up.sql': 'ALTER TABLE a ADD COLUMN theme text;',
      },
    };
    expect(await findingsOf(mixedVersionFormat, folder)).toEqual([]);
  });

  it('Flyway dotted versions are not a sort-order mismatch (V1_1 sorts before V1__ by design)', async () => {
    const folder = {
      name: 'flyway',
      files: { 'V1__init.sql': 'CREATE TABLE a (id int PRIMARY KEY);', 'V1_1__index.sql': 'CREATE INDEX ON a (id);' },
    };
    expect(await findingsOf(sortOrderMismatch, folder)).toEqual([]);
  });
});
