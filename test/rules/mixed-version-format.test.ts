import rule from '../../rules/mixed-version-format.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'all 14-digit timestamps',
      files: { '20240101000000_a.sql': '', '20240102093000_b.sql': '', '20240103000000_c.sql': '' },
    },
    {
      name: 'sequence numbers of different widths are one format (sort-order-mismatch covers padding)',
      files: { '001_a.sql': '', '0002_b.sql': '', '10_c.sql': '' },
    },
    {
      name: 'golang-migrate down files and unversioned files do not count',
      files: {
        '20240101000000_a.up.sql': '',
        '20240101000000_a.down.sql': '',
        '20240102000000_b.up.sql': '',
        '1_old.down.sql': '',
        'notes.sql': '',
      },
    },
    {
      name: 'Flyway undo scripts do not count',
      files: { 'V20240101000000__a.sql': '', 'V20240102000000__b.sql': '', 'U1__old.sql': '' },
    },
    {
      name: 'Flyway dotted versions',
      files: { 'V1__a.sql': '', 'V1_1__b.sql': '', 'V2__c.sql': '', 'V2_0_1__d.sql': '' },
    },
  ],
  invalid: [
    {
      name: 'an 8-digit date among 14-digit timestamps',
      files: {
        '20250820093000_add_accounts.sql': '',
        '20250821_add_sync_configuration.sql': '',
        '20250822101500_add_teams.sql': '',
      },
      findings: [
        {
          file: '20250821_add_sync_configuration.sql',
          line: 1,
          column: 1,
          message:
            'Version 20250821 is an 8-digit date, but 2 files here use 14-digit timestamps (e.g. 20250820093000_add_accounts.sql); the runner applies it before all of them.',
          related: [{ file: '20250820093000_add_accounts.sql', line: 1 }],
        },
      ],
    },
    {
      name: 'sequence numbers among timestamps run before all of them',
      files: {
        '028_stories_meeting_ref.sql': '',
        '20240101000000_a.sql': '',
        '20240102000000_b.sql': '',
        '20240103000000_c.sql': '',
        '029_more.sql': '',
      },
      findings: [
        { file: '028_stories_meeting_ref.sql', line: 1, message: 'Version 028 is a sequence number, but 3 files here use 14-digit timestamps' },
        { file: '029_more.sql', line: 1, message: 'the runner applies it before all of them.', related: [{ file: '20240101000000_a.sql', line: 1 }] },
      ],
    },
    {
      name: 'a timestamp among sequence numbers runs after all of them (golang-migrate)',
      files: {
        '000001_a.up.sql': '',
        '000001_a.down.sql': '',
        '000002_b.up.sql': '',
        '000003_c.up.sql': '',
        '20240311094512_d.up.sql': '',
        '20240311094512_d.down.sql': '',
      },
      findings: [
        {
          file: '20240311094512_d.up.sql',
          line: 1,
          message: 'is a 14-digit timestamp, but 3 files here use sequence numbers (e.g. 000001_a.up.sql); the runner applies it after all of them.',
        },
      ],
    },
    {
      name: 'in a Supabase folder an 8-digit date runs where its name sorts (the CLI applies files by name)',
      layout: 'supabase',
      files: {
        '20250820093000_add_accounts.sql': '',
        '20250821_add_sync_configuration.sql': '',
        '20250822101500_add_teams.sql': '',
        '028_stories_meeting_ref.sql': '',
      },
      findings: [
        {
          file: '028_stories_meeting_ref.sql',
          line: 1,
          message: 'Version 028 is a sequence number, but 2 files here use 14-digit timestamps (e.g. 20250820093000_add_accounts.sql); the runner applies it before all of them.',
        },
        {
          file: '20250821_add_sync_configuration.sql',
          line: 1,
          message: 'Version 20250821 is an 8-digit date, but 2 files here use 14-digit timestamps (e.g. 20250820093000_add_accounts.sql).',
        },
      ],
    },
  ],
});
