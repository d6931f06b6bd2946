import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { emitBaseline } from '../../src/baseline/index.js';
import { writeFolder } from '../support/rule-tester.js';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function baselineOf(files: Record<string, string>): Promise<string> {
  const dir = writeFolder(files);
  folders.push(dir);
  return emitBaseline(await analyze(dir, { cache: false }), { includeData: false });
}

describe('functions in the baseline', () => {
  it('writes a replaced SQL-standard body as one, even when its text holds AS (kestra V1/V2)', async () => {
    const baseline = await baselineOf({
      '001_a.sql': 'CREATE FUNCTION f(text, text) RETURNS text LANGUAGE SQL IMMUTABLE RETURN lower($1);\n',
      '002_b.sql':
        "CREATE OR REPLACE FUNCTION f(text, text) RETURNS text LANGUAGE SQL IMMUTABLE RETURN TRIM(BOTH $2 FROM ARRAY_TO_STRING(ARRAY(SELECT DISTINCT * FROM UNNEST(REGEXP_SPLIT_TO_ARRAY(COALESCE($1, ''), '[^a-z]')) AS a WHERE a != ''), $2));\n",
    });
    expect(baseline).toContain(
      [
        'CREATE FUNCTION f(text, text)',
        'RETURNS text',
        'LANGUAGE sql',
        'IMMUTABLE',
        "RETURN TRIM(BOTH $2 FROM array_to_string(ARRAY(SELECT DISTINCT * FROM unnest(regexp_split_to_array(COALESCE($1, ''), '[^a-z]')) AS a WHERE a <> ''), $2));",
      ].join('\n'),
    );
  });

  it('keeps BEGIN ATOMIC ... END around a standard body of statements, and quotes a body replaced by a quoted one', async () => {
    const baseline = await baselineOf({
      '001_a.sql': [
        'CREATE TABLE tally (n int);',
        'CREATE PROCEDURE count_twice() LANGUAGE sql BEGIN ATOMIC INSERT INTO tally VALUES (1); INSERT INTO tally VALUES (2); END;',
        'CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql RETURN a;',
        '',
      ].join('\n'),
      '002_b.sql': "CREATE OR REPLACE FUNCTION g(a int) RETURNS int LANGUAGE sql AS 'SELECT a AS b';\n",
    });
    expect(baseline).toContain(['CREATE PROCEDURE count_twice()', 'LANGUAGE sql', 'BEGIN ATOMIC', '  INSERT INTO tally VALUES (1);', '  INSERT INTO tally VALUES (2);', 'END;'].join('\n'));
    expect(baseline).toContain(['CREATE FUNCTION g(a integer)', 'RETURNS integer', 'LANGUAGE sql', 'AS $$SELECT a AS b$$;'].join('\n'));
  });

  it('writes the options the model holds, not words in comments; ALTER FUNCTION options are kept (documenso nanoid)', async () => {
    const baseline = await baselineOf({
      '001_a.sql': [
        'CREATE FUNCTION nanoid(size int DEFAULT 21) RETURNS text LANGUAGE plpgsql VOLATILE PARALLEL SAFE',
        '    -- LEAKPROOF',
        "AS $$ BEGIN RETURN repeat('x', size); END $$;",
        "CREATE FUNCTION plain(a int) RETURNS int LANGUAGE sql CALLED ON NULL INPUT NOT LEAKPROOF AS 'SELECT a';",
        'ALTER FUNCTION plain(int) STRICT LEAKPROOF COST 7;',
        '',
      ].join('\n'),
    });
    expect(baseline).toContain(['CREATE FUNCTION nanoid(size integer DEFAULT 21)', 'RETURNS text', 'LANGUAGE plpgsql', 'PARALLEL SAFE', "AS $$ BEGIN RETURN repeat('x', size); END $$;"].join('\n'));
    expect(baseline).toContain(['CREATE FUNCTION plain(a integer)', 'RETURNS integer', 'LANGUAGE sql', 'STRICT', 'LEAKPROOF', 'COST 7', 'AS $$SELECT a$$;'].join('\n'));
  });
});
