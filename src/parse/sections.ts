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
