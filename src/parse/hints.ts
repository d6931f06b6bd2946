/**
 * SQL that people often write and PostgreSQL does not accept, with what to write instead.
 * Matched against the statement that failed to parse.
 */
const HINTS: { pattern: RegExp; hint: string }[] = [
  {
    pattern: /^create\s+policy\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE POLICY IF NOT EXISTS; write DROP POLICY IF EXISTS ... ON ...; then CREATE POLICY.',
  },
  {
    pattern: /^create\s+(or\s+replace\s+)?trigger\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE TRIGGER IF NOT EXISTS; use CREATE OR REPLACE TRIGGER (PostgreSQL 14+) or DROP TRIGGER IF EXISTS first.',
  },
  {
    pattern: /\badd\s+constraint\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS; drop it with DROP CONSTRAINT IF EXISTS first, or guard it in a DO block.',
  },
  {
    pattern: /^create\s+type\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE TYPE IF NOT EXISTS; guard it in a DO block that checks pg_type.',
  },
  {
    pattern: /^create\s+(or\s+replace\s+)?publication\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE PUBLICATION IF NOT EXISTS; guard it in a DO block that checks pg_publication.',
  },
  {
    pattern: /^create\s+domain\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE DOMAIN IF NOT EXISTS; guard it in a DO block that checks pg_type.',
  },
  {
    pattern: /^create\s+(role|user|group)\s+if\s+not\s+exists\b/i,
    hint: 'PostgreSQL has no CREATE ROLE IF NOT EXISTS; guard it in a DO block that checks pg_roles.',
  },
  {
    pattern: /^drop\s+[a-z ]+?\s+if\s+not\s+exists\b/i,
    hint: 'DROP takes IF EXISTS, not IF NOT EXISTS.',
  },
  {
    pattern: /^create\s+or\s+replace\s+table\b/i,
    hint: 'PostgreSQL has no CREATE OR REPLACE TABLE; use CREATE TABLE IF NOT EXISTS, or DROP TABLE IF EXISTS first.',
  },
  {
    pattern: /\bauto_increment\b/i,
    hint: 'AUTO_INCREMENT is MySQL; in PostgreSQL use GENERATED ALWAYS AS IDENTITY (or serial).',
  },
  { pattern: /`/, hint: 'Backticks quote identifiers in MySQL; PostgreSQL uses double quotes.' },
  {
    pattern: /\)\s*engine\s*=/i,
    hint: 'ENGINE= is a MySQL table option; PostgreSQL has no equivalent, remove it.',
  },
];

export function hintFor(statementText: string): string | null {
  return HINTS.find(({ pattern }) => pattern.test(statementText))?.hint ?? null;
}
