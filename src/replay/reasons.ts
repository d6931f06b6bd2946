/**
 * Why a statement did nothing or would be rejected at its place in the chain, as data: rules
 * decide on the code, the kind and the name, and the text PostgreSQL would print is written
 * from it here, in one place, only when a finding shows it.
 */

/** The object a missing or existing one belongs to: `of relation "public.t"`, `for table "public.t"`. */
export interface Parent {
  word: 'of' | 'for';
  kind: 'relation' | 'table' | 'domain';
  name: string;
}

/** Where the object that is in the way was made. */
export interface MadeAt {
  verb: 'created' | 'added';
  path: string;
  line: number;
}

export type Reason =
  /**
   * The object the statement needs does not exist here. `kind` is PostgreSQL's word for it
   * (`relation`, `column`, `function`, ...; `enum` and `domain` for a type that is not one; ''
   * when the message names no kind).
   */
  | {
      code: 'missing';
      kind: string;
      name: string;
      parent?: Parent;
      /** What names it, for a column named by a constraint: `referenced in foreign key constraint`. */
      namedBy?: string;
      /** PostgreSQL writes a function's signature unquoted in some messages. */
      unquoted?: true;
      /** CREATE INDEX on a view: the relation exists, but not as a table or materialized view. */
      asIndexable?: true;
      /** An extension's type (`citext`) used before any statement creates that extension. */
      extension?: string;
    }
  /** The object the statement creates (or renames to) already exists here. */
  | {
      code: 'exists';
      kind: string;
      name: string;
      parent?: Parent;
      /** An enum label's type: `enum label "x" already exists in "public.mood"`. */
      within?: string;
      /** CREATE FUNCTION without OR REPLACE of a signature that exists. */
      sameArguments?: true;
      madeAt?: MadeAt;
    }
  /** DROP or ALTER refused because other objects depend on the object (RESTRICT). */
  | { code: 'has-dependents'; text: string }
  /** ALTER TABLE ... DETACH PARTITION of a table that is not its partition. */
  | { code: 'not-partition'; name: string; parent: string }
  /** ALTER TABLE ... ATTACH PARTITION of a table that already is one. */
  | { code: 'already-partition'; name: string }
  /** ALTER PUBLICATION ... DROP TABLE of a table that is not in it. */
  | { code: 'not-member'; name: string }
  /** ALTER PUBLICATION ... ADD TABLE of a table already in it. */
  | { code: 'already-member'; name: string; publication: string }
  /** The object exists, but is not the kind the statement works on (a view given a trigger). */
  | { code: 'wrong-kind'; text: string }
  /** The statement's own definition is invalid (a CHECK with a subquery, a non-IMMUTABLE index expression). */
  | { code: 'invalid'; text: string }
  /** Text PostgreSQL cannot parse, in a file its runner applies in one transaction. */
  | { code: 'syntax'; text: string }
  /** A statement PostgreSQL runs only outside a transaction block (CREATE INDEX CONCURRENTLY), in a file run inside one. */
  | { code: 'in-transaction-block'; command: string }
  /** One part is rejected, and with it the whole statement: `...; ALTER TABLE "t" fails as a whole`. */
  | { code: 'whole-statement'; cause: Reason; consequence: string }
  /** IF NOT EXISTS made the statement do nothing: `...; CREATE TABLE IF NOT EXISTS did nothing`. */
  | { code: 'skipped'; cause: Reason; statement: string }
  /** Inside a DO block guarded by IF / EXCEPTION: the rejection was most likely skipped by the guard. */
  | { code: 'guarded'; cause: Reason }
  /** A statement on a platform schema whose objects the model does not hold. */
  | { code: 'platform-objects'; text: string };

export type ReasonCode = Reason['code'];

/** The reason under the wrappers (whole-statement, skipped, guarded): what PostgreSQL stops at. */
export function rootReason(reason: Reason): Reason {
  let root = reason;
  while (root.code === 'whole-statement' || root.code === 'skipped' || root.code === 'guarded') root = root.cause;
  return root;
}

/**
 * The object a rejection is about when it is missing in its own right: `relation "x"`, `column
 * "c"`, `function f()`. Null for a member missing from an object that exists (`column "c" of
 * relation "t"`, `column "c" referenced in foreign key constraint`), and for every other reason.
 */
export function missingObject(reason: Reason): { kind: string; name: string } | null {
  const root = rootReason(reason);
  if (root.code !== 'missing' || root.parent || root.namedBy) return null;
  return { kind: root.kind, name: root.name };
}

function subject(kind: string, name: string, unquoted?: true): string {
  const quoted = unquoted ? name : `"${name}"`;
  return kind ? `${kind} ${quoted}` : quoted;
}

function parentText(parent: Parent | undefined): string {
  return parent ? ` ${parent.word} ${parent.kind} "${parent.name}"` : '';
}

function extensionText(extension: string | undefined): string {
  return extension ? ` (it comes with extension "${extension}", which no earlier statement creates)` : '';
}

/** The reason as PostgreSQL words it. */
export function reasonText(reason: Reason): string {
  switch (reason.code) {
    case 'missing': {
      if (reason.kind === 'enum' || reason.kind === 'domain') return `type "${reason.name}" does not exist or is not ${reason.kind === 'enum' ? 'an enum' : 'a domain'}`;
      const namedBy = reason.namedBy ? ` ${reason.namedBy}` : '';
      return `${subject(reason.kind, reason.name, reason.unquoted)}${parentText(reason.parent)}${namedBy} does not exist${reason.asIndexable ? ' as a table or materialized view' : ''}${extensionText(reason.extension)}`;
    }
    case 'exists': {
      const within = reason.within ? ` in "${reason.within}"` : '';
      const same = reason.sameArguments ? ' with same argument types' : '';
      const made = reason.madeAt ? ` (${reason.madeAt.verb} at ${reason.madeAt.path}:${reason.madeAt.line})` : '';
      return `${subject(reason.kind, reason.name)}${parentText(reason.parent)} already exists${within}${same}${made}`;
    }
    case 'not-partition':
      return `relation "${reason.name}" is not a partition of relation "${reason.parent}"`;
    case 'already-partition':
      return `"${reason.name}" is already a partition`;
    case 'not-member':
      return `relation "${reason.name}" is not part of the publication`;
    case 'already-member':
      return `relation "${reason.name}" is already member of publication "${reason.publication}"`;
    case 'whole-statement':
      return `${reasonText(reason.cause)}; ${reason.consequence}`;
    case 'skipped':
      return `${reasonText(reason.cause)}; ${reason.statement} did nothing`;
    case 'guarded':
      return `${reasonText(reason.cause)} (inside a guarded DO block: assumed skipped)`;
    case 'in-transaction-block':
      return `${reason.command} cannot run inside a transaction block`;
    default:
      return reason.text;
  }
}

/** Where an existing object was made, for `already exists (created at file:line)`. */
export function madeAt(origin: { path: string; line: number }, verb: MadeAt['verb'] = 'created'): MadeAt {
  return { verb, path: origin.path, line: origin.line };
}
