import { describe, expect, it } from 'vitest';
import rule, { timestampProblem } from '../../rules/invalid-timestamp.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'real timestamps, a leap day, a placeholder baseline, sequence numbers',
      files: { '00000000000000_baseline.sql': 'SELECT 1;', '20240229235959_a.sql': 'SELECT 1;', '20240301000000_b.sql': 'SELECT 1;' },
    },
    { name: 'short numbers are not timestamps', files: { '001_a.sql': 'SELECT 1;', '0013_b.sql': 'SELECT 1;' } },
    {
      name: 'Diesel folder names are ordering keys (Lemmy counts in the seconds field)',
      files: { '2025-08-01-000060_rename/up.sql': 'SELECT 1;', '2025-08-01-000060_rename/down.sql': 'SELECT 1;' },
    },
  ],
  invalid: [
    {
      name: 'month 13, and a day that does not exist',
      files: { '20241345000000_create_notifications.sql': 'SELECT 1;', '20230229120000_b.sql': 'SELECT 1;' },
      findings: [
        { file: '20230229120000_b.sql', line: 1, message: 'day 29 does not exist in 2023-02' },
        { file: '20241345000000_create_notifications.sql', line: 1, message: 'month 13 does not exist' },
      ],
    },
    {
      name: 'reported on the up file only, not again on its down file',
      files: { '20241345000000_a.up.sql': 'SELECT 1;', '20241345000000_a.down.sql': 'SELECT 1;' },
      layout: 'golang-migrate',
      findings: [{ file: '20241345000000_a.up.sql', line: 1 }],
    },
  ],
});

describe('timestampProblem', () => {
  it('checks hours, minutes and seconds', () => {
    expect(timestampProblem('20240101240000')).toBe('hour 24 does not exist');
    expect(timestampProblem('20240101236000')).toBe('minute 60 does not exist');
    expect(timestampProblem('20240101235960')).toBe('second 60 does not exist');
    expect(timestampProblem('20240101235959')).toBeNull();
  });
});
