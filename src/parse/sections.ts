/**
 * Runner annotations and psql meta-commands. A migration file may hold text that PostgreSQL
 * never sees: goose and dbmate down sections, and psql's backslash commands. They are blanked
 * out (same length, line breaks kept) so that every offset into the parsed text is an offset
 * into the file.
 */

export type RunnerDialect = 'goose' | 'dbmate';

export interface MetaCommand {
  line: number;
  text: string;
}

export interface Sections {
  /** The file with everything that is not replayed turned into spaces. */
  replayable: string;
  dialect: RunnerDialect | null;
  hasDownSection: boolean;
  metaCommands: MetaCommand[];
}

const DIRECTIVES: { pattern: RegExp; dialect: RunnerDialect; direction: 'up' | 'down' }[] = [
  { pattern: /^--\s*\+goose\s+up\b/i, dialect: 'goose', direction: 'up' },
  { pattern: /^--\s*\+goose\s+down\b/i, dialect: 'goose', direction: 'down' },
  { pattern: /^--\s*migrate:up\b/i, dialect: 'dbmate', direction: 'up' },
  { pattern: /^--\s*migrate:down\b/i, dialect: 'dbmate', direction: 'down' },
];

const META_COMMAND = /^\s*\\[a-zA-Z!?]/;
/** `COPY ... FROM stdin;` as pg_dump writes it: psql reads the lines after it as data, up to `\.`. */
const COPY_FROM_STDIN = /\bfrom\s+stdin\b[^;]*;\s*(--.*)?$/i;
const END_OF_COPY_DATA = /^\\\.\s*$/;

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** node-pg-migrate's comments, as its `src/sqlMigration.ts` (getActions) finds them. */
export const NODE_PG_MIGRATE_UP = /^\s*--[\s-]*up\s+migration/im;
const NODE_PG_MIGRATE_DOWN = /^\s*--[\s-]*down\s+migration/im;

/**
 * A node-pg-migrate SQL file with what its `up` does not run blanked out: it runs the text from
 * the first up comment to the first down comment after it (or to the end), and the whole file
 * when there is no up comment. Applied to node-pg-migrate folders only (discover does it): in any
 * other runner's folder these are ordinary comments and everything after them runs.
 */
export function nodePgMigrateUp(source: string): string {
  const up = source.search(NODE_PG_MIGRATE_UP);
  if (up < 0) return source;
  const down = source.search(NODE_PG_MIGRATE_DOWN);
  const end = down < up ? source.length : down;
  return blank(source.slice(0, up)) + source.slice(up, end) + blank(source.slice(end));
}

export function splitSections(source: string): Sections {
  const lines = source.split('\n');
  let dialect: RunnerDialect | null = null;
  let hasDownSection = false;
  const metaCommands: MetaCommand[] = [];

  const directions = lines.map((line) => {
    const directive = DIRECTIVES.find((d) => d.pattern.test(line.trimStart()));
    return directive ?? null;
  });
  const annotated = directions.some((d) => d !== null);

  let replaying = !annotated;
  let copyData = false;
  const output = lines.map((line, index) => {
    if (copyData) {
      if (END_OF_COPY_DATA.test(line)) copyData = false;
      return blank(line);
    }
    const directive = directions[index];
    if (directive) {
      dialect = directive.dialect;
      replaying = directive.direction === 'up';
      if (directive.direction === 'down') hasDownSection = true;
      return line;
    }
    if (!replaying) return blank(line);
    if (META_COMMAND.test(line)) {
      metaCommands.push({ line: index + 1, text: line.trim() });
      return blank(line);
    }
    copyData = COPY_FROM_STDIN.test(line);
    return line;
  });

  return { replayable: output.join('\n'), dialect, hasDownSection, metaCommands };
}
