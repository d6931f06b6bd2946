import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { catalogDifferences } from '../support/catalog-differences.js';

const SLOW = 120_000;

describe('verify compares persistence (pg_class.relpersistence)', () => {
  it(
    'an unlogged table, its serial and identity sequences, and an unlogged sequence differ from logged ones',
    async () => {
      const chain = new PGlite();
      await chain.exec(`
        create unlogged table t (id int generated always as identity, n serial);
        create unlogged sequence s;`);
      const baseline = new PGlite();
      await baseline.exec(`
        create table t (id int generated always as identity, n serial);
        create sequence s;`);
      expect(await catalogDifferences(chain, baseline)).toEqual([
        'storage: sequences public.s unlogged',
        'storage: sequences public.t_n_seq unlogged',
        'column: tables public.t columns.id.identitySequence',
        'storage: tables public.t unlogged',
      ]);
    },
    SLOW,
  );

  it('the baseline writes the final persistence: CREATE UNLOGGED TABLE and UNLOGGED SEQUENCE where the chain left them unlogged', async () => {
    const analysis = await analyze(path.join(import.meta.dirname, '../fidelity/fixtures/unlogged'), { cache: false });
    const text = emitBaseline(analysis, { includeData: false });
    const creates = text.split('\n').filter((line) => /^CREATE (UNLOGGED )?(TABLE|SEQUENCE)/.test(line));
    expect(creates).toEqual([
      'CREATE UNLOGGED SEQUENCE counter;',
      'CREATE SEQUENCE scratch;',
      'CREATE UNLOGGED SEQUENCE events_extra;',
      'CREATE SEQUENCE attached_later;',
      'CREATE UNLOGGED TABLE leader (',
      'CREATE TABLE jobs (',
      'CREATE UNLOGGED TABLE events (',
      'CREATE UNLOGGED TABLE cache_rows (',
    ]);
  });
});
