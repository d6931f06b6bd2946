/**
 * The filename grammar of every migration runner miglint knows. Pure: a path inside the
 * migrations folder in, what a runner would read from its name out.
 */

export type NameScheme = 'plain' | 'golang-migrate' | 'flyway' | 'diesel' | 'none';

export interface ParsedName {
  scheme: NameScheme;
  /** The version as written (`021`, `20240115093000`, `2.1`), or null when the name has none. */
  version: string | null;
  /** Version split into numeric parts without leading zeros, as runners compare them. */
  versionParts: string[];
  description: string;
  /** golang-migrate and Diesel split a migration into an up and a down file. */
  direction: 'up' | 'down' | null;
  /** Flyway `R__x.sql`: applied after every versioned migration. */
  repeatable: boolean;
  /** Flyway `U1__x.sql`: an undo script, never part of the forward chain. */
  undo: boolean;
}

const GOLANG = /^(\d+)_(.+)\.(up|down)\.sql$/i;
const FLYWAY = /^([VUR])(\d+(?:[._]\d+)*)?__(.+)\.sql$/;
/**
 * Diesel CLI 2.2 appends a `-0000` counter to the timestamp: not part of the date, but it tells
 * apart migrations made in the same second, so it is a second version part.
 */
const DIESEL_DIR = /^(\d{4}-\d\d-\d\d-\d{6}|\d[\d-]*?)(?:-(\d{4}))?_(.+)$/;
const DIESEL_FILE = /^(up|down)\.sql$/i;
const PLAIN = /^(\d+)(?:[_-](.*))?\.sql$/i;

function stripZeros(part: string): string {
  return part.replace(/^0+(?=\d)/, '');
}

function versioned(
  scheme: NameScheme,
  version: string,
  description: string,
  extra: Partial<ParsedName> = {},
): ParsedName {
  return {
    scheme,
    version,
    versionParts: version.split(/[._]/).map(stripZeros),
    description,
    direction: null,
    repeatable: false,
    undo: false,
    ...extra,
  };
}

/**
 * `relativePath` uses `/` separators and is relative to the migrations folder. With `only`, the
 * name is read with that one runner's grammar (a numbered runner reads `001_x.up.sql` as 001).
 */
export function parseMigrationName(relativePath: string, only?: Exclude<NameScheme, 'none'>): ParsedName {
  const reads = (scheme: NameScheme) => only === undefined || only === scheme;
  const segments = relativePath.split('/');
  const base = segments[segments.length - 1] ?? relativePath;
  const parent = segments.length > 1 ? segments[segments.length - 2] : undefined;

  const dieselFile = DIESEL_FILE.exec(base);
  const dieselDir = parent === undefined ? null : DIESEL_DIR.exec(parent);
  if (dieselFile && dieselDir && reads('diesel')) {
    const direction = dieselFile[1]!.toLowerCase() as 'up' | 'down';
    const [, stamp, counter, description] = dieselDir;
    const version = stamp!.replace(/-/g, '');
    const versionParts = counter === undefined ? [stripZeros(version)] : [stripZeros(version), stripZeros(counter)];
    return versioned('diesel', version, description!, { direction, versionParts });
  }

  const golang = GOLANG.exec(base);
  if (golang && reads('golang-migrate')) {
    const direction = golang[3]!.toLowerCase() as 'up' | 'down';
    return versioned('golang-migrate', golang[1]!, golang[2]!, { direction });
  }

  const flyway = FLYWAY.exec(base);
  if (flyway && reads('flyway')) {
    const [, prefix, version, description] = flyway;
    if (prefix === 'R') {
      return { ...versioned('flyway', '', description!), version: null, versionParts: [], repeatable: true };
    }
    if (version !== undefined) {
      return versioned('flyway', version, description!, { undo: prefix === 'U' });
    }
  }

  const plain = PLAIN.exec(base);
  if (plain && reads('plain')) return versioned('plain', plain[1]!, plain[2] ?? '');

  return {
    scheme: 'none',
    version: null,
    versionParts: [],
    description: base.replace(/\.sql$/i, ''),
    direction: null,
    repeatable: false,
    undo: false,
  };
}

/** Compares two numeric version strings without leading zeros, however long. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareVersions(a: string[], b: string[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const difference = compareNumeric(a[i] ?? '0', b[i] ?? '0');
    if (difference !== 0) return difference;
  }
  return 0;
}
