/**
 * Folders with statements PostgreSQL rejects (issue 10): applied to PostgreSQL as their runner
 * applies them, the model must equal PostgreSQL's catalog, and the model's rejections must be
 * PostgreSQL's, statement for statement.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParser } from '../../src/parse/index.js';
import { applyLikeRunner, fromCatalog, fromModel } from './harness.js';

const FOLDERS = path.join(import.meta.dirname, 'rejections');

async function compare(folder: string): Promise<{ postgres: string[]; model: string[] }> {
  await loadParser();
  const { catalog, replay, rejections } = await applyLikeRunner(path.join(FOLDERS, folder));
  expect(fromModel(replay.schema)).toEqual(fromCatalog(catalog));
  const model = replay.history.filter((event) => event.action === 'error').map((event) => `${path.basename(event.origin.path)}:${event.origin.line}`);
  return { postgres: rejections.map((line) => line.split(' ')[0]!), model };
}

describe('a statement PostgreSQL rejects changes nothing, in the model as in PostgreSQL', () => {
  it('statement by statement: a CHECK, key and foreign key on missing columns, a reference to a table a later DO block creates, misplaced defaults, an extension type before its extension', async () => {
    const { postgres, model } = await compare('statements');
    expect(postgres).toEqual(['001_tables.sql:2', '001_tables.sql:4', '001_tables.sql:5', '001_tables.sql:6', '001_tables.sql:7', '001_tables.sql:8']);
    expect(model).toEqual(postgres);
  }, 60_000);

  it('goose: a file in one transaction applies nothing after a rejection; NO TRANSACTION keeps what ran', async () => {
    const { postgres, model } = await compare('goose-transaction');
    expect(postgres).toEqual(['20240102000000_broken.sql:4', '20240103000000_next.sql:3', '20240104000000_no_transaction.sql:4']);
    expect(model).toEqual(postgres);
  }, 60_000);

  it('persistence: a logged table may not reference an unlogged one (CREATE, ADD FOREIGN KEY, SET LOGGED, SET UNLOGGED), and a partitioned table cannot be unlogged', async () => {
    const { postgres, model } = await compare('persistence');
    expect(postgres).toEqual(['001_tables.sql:3', '001_tables.sql:5', '001_tables.sql:7', '001_tables.sql:9', '001_tables.sql:11', '001_tables.sql:14', '001_tables.sql:17']);
    expect(model).toEqual(postgres);
  }, 60_000);

  it('DROP COLUMN without CASCADE: refused while a view, generated column, foreign key, trigger or policy needs the column', async () => {
    const { postgres, model } = await compare('drop-column');
    expect(postgres).toEqual(['001_tables.sql:9', '001_tables.sql:10', '001_tables.sql:11', '001_tables.sql:12', '001_tables.sql:13', '001_tables.sql:14']);
    expect(model).toEqual(postgres);
  }, 60_000);

  it('dbmate: COMMENT ON a column, constraint or policy a known table lacks is rejected, and its file applies none of its comments', async () => {
    const { postgres, model } = await compare('comments');
    expect(postgres).toEqual(['20240102000000_comments.sql:4', '20240103000000_members.sql:3']);
    expect(model).toEqual(postgres);
  }, 60_000);

  it('SET SCHEMA onto a name the target schema already has (a type, a sequence, a table\'s row type) is rejected, and nothing moves', async () => {
    const { postgres, model } = await compare('moves');
    expect(postgres).toEqual(['002_type.sql:1', '003_sequence.sql:1', '004_row_type.sql:1']);
    expect(model).toEqual(postgres);
  }, 60_000);
});
