import { describe, expect, it } from 'vitest';
import rule, { isBinaryCompatibleChange } from '../../rules/unsafe-column-type-change.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'widening varchar, varchar to text, on an existing table; any change on a table new in this file',
      files: {
        '001_a.sql': 'CREATE TABLE calls (phone varchar(20), note varchar(10), n int);',
        '002_b.sql':
          'ALTER TABLE calls ALTER COLUMN phone TYPE varchar(50);\nALTER TABLE calls ALTER COLUMN note TYPE text;\nCREATE TABLE fresh (n int);\nALTER TABLE fresh ALTER COLUMN n TYPE bigint;',
      },
    },
  ],
  invalid: [
    {
      name: 'int to bigint, text to uuid, narrowing varchar',
      files: {
        '001_a.sql': 'CREATE TABLE calls (n int, ref text, code varchar(50));',
        '002_b.sql': '\nALTER TABLE calls ALTER COLUMN n TYPE bigint, ALTER COLUMN n SET DEFAULT 0;\nALTER TABLE calls ALTER COLUMN ref TYPE uuid USING ref::uuid, ALTER COLUMN code TYPE varchar(10);',
      },
      findings: [
        { file: '002_b.sql', line: 2, message: 'Changing "calls.n" from integer to bigint rewrites the table' },
        { file: '002_b.sql', line: 3, message: 'from text to uuid' },
        { file: '002_b.sql', line: 3, message: 'from character varying(50) to character varying(10)' },
      ],
    },
  ],
});

describe('isBinaryCompatibleChange', () => {
  it('knows the free changes', () => {
    expect(isBinaryCompatibleChange('numeric(10,2)', 'numeric(12,2)')).toBe(true);
    expect(isBinaryCompatibleChange('numeric(10,2)', 'numeric(12,3)')).toBe(false);
    expect(isBinaryCompatibleChange('numeric(10,2)', 'numeric')).toBe(true);
    expect(isBinaryCompatibleChange('character varying', 'character varying(10)')).toBe(false);
    expect(isBinaryCompatibleChange('timestamp without time zone', 'timestamp with time zone')).toBe(false);
  });
});
