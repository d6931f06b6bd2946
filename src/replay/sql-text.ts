/**
 * AST fragments back to text, the way PostgreSQL prints them in its catalogs: type names as
 * format_type does, expressions through the deparser of the same AST family as the parser.
 */
import type { Node, TypeName } from 'libpg-query';
import { Deparser } from 'pgsql-deparser';
import { treeText } from '../tree-text.js';

/** pg_catalog internal names to the names format_type prints. */
const CANONICAL_TYPES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varchar: 'character varying',
  bpchar: 'character',
  timestamptz: 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  timetz: 'time with time zone',
  time: 'time without time zone',
  varbit: 'bit varying',
  decimal: 'numeric',
};

/** serial pseudo-types become integers with a sequence default. */
export const SERIAL_TYPES: Record<string, string> = {
  smallserial: 'smallint',
  serial2: 'smallint',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
};

export function stringsOf(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((node) => ('String' in node ? (node.String.sval ?? '') : ''));
}

/** The bare type name (last element of `names`), lower-cased by the parser already. */
export function typeBaseName(typeName: TypeName): string {
  const names = stringsOf(typeName.names);
  return names[names.length - 1] ?? '';
}

function typmodText(typeName: TypeName): string {
  const values = (typeName.typmods ?? []).map((node) => {
    if ('A_Const' in node) {
      const constant = node.A_Const;
      if (constant.ival !== undefined) return String(constant.ival.ival ?? 0);
      if (constant.sval !== undefined) return constant.sval.sval ?? '';
      if (constant.fval !== undefined) return constant.fval.fval ?? '';
    }
    return expressionText(node);
  });
  return values.length > 0 ? `(${values.join(',')})` : '';
}

export function formatType(typeName: TypeName): string {
  const names = stringsOf(typeName.names);
  const qualified = names.length > 1 && names[0] !== 'pg_catalog' && names[0] !== 'public';
  const base = names[names.length - 1] ?? '';
  const canonical = SERIAL_TYPES[base] ?? CANONICAL_TYPES[base] ?? base;
  const modifiers = typmodText(typeName);
  let text: string;
  if (modifiers && /^(timestamp|time) (with|without) time zone$/.test(canonical)) {
    const [word, ...rest] = canonical.split(' ');
    text = `${word}${modifiers} ${rest.join(' ')}`;
  } else if (base === 'interval' && typeName.typmods?.length) {
    text = 'interval';
  } else {
    const shown = canonical !== base ? canonical : quoteIdentifier(base);
    const name = qualified ? [...names.slice(0, -1), base].map(quoteIdentifier).join('.') : shown;
    text = `${name}${modifiers}`;
  }
  return text + '[]'.repeat(typeName.arrayBounds?.length ?? 0);
}

/** Quotes an identifier only where PostgreSQL would need it. */
export function quoteIdentifier(identifier: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(identifier) ? identifier : `"${identifier.replace(/"/g, '""')}"`;
}

/**
 * Deparsed expressions by their tree: a folder repeats the same few defaults, checks and policy
 * conditions (`now()`, `0`, `auth.uid() = user_id`) hundreds of times, and the deparser costs
 * far more than the lookup. Bounded, so that a huge folder of distinct expressions cannot grow it
 * without end.
 */
const deparsed = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

/** An expression as SQL text on one line. */
export function expressionText(node: Node): string {
  const key = treeText(node);
  let text = deparsed.get(key);
  if (text === undefined) {
    text = deparse(node);
    if (deparsed.size < MAX_REMEMBERED) deparsed.set(key, text);
  }
  return text;
}

function deparse(node: Node): string {
  try {
    return Deparser.deparse(node, { pretty: false }).replace(/\s+/g, ' ').trim();
  } catch {
    return `(${Object.keys(node)[0] ?? 'expression'})`;
  }
}
