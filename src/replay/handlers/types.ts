/** CREATE TYPE (enum, composite, range), CREATE DOMAIN, ALTER DOMAIN and ALTER TYPE ... ADD VALUE / RENAME VALUE. */
import type { AlterDomainStmt, AlterEnumStmt, CompositeTypeStmt, CreateDomainStmt, CreateEnumStmt, CreateRangeStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { recordConstraintName } from '../constraint-names-used.js';
import { madeAt } from '../reasons.js';
import type { TypeObject } from '../model.js';
import { schemaAndName } from '../names.js';
import { spelled } from '../object-references.js';
import { expressionText, formatType, stringsOf } from '../sql-text.js';

function createType(ctx: ReplayContext, names: Node[] | undefined, fill: Partial<TypeObject> & Pick<TypeObject, 'kind'>): void {
  const { schema, name } = schemaAndName(stringsOf(names));
  const key = ctx.keyForCreate(schema, name);
  const existing = ctx.schema.types.get(key);
  if (existing || ctx.schema.tables.has(key) || ctx.schema.views.has(key)) {
    ctx.emit({ action: 'error', objectType: 'type', name: key, reason: { code: 'exists', kind: 'type', name: key, ...(existing ? { madeAt: madeAt(existing.created) } : {}) } });
    return;
  }
  const [typeSchema] = key.split('.') as [string];
  ctx.schema.types.set(key, {
    schema: typeSchema,
    name,
    labels: [],
    attributes: [],
    baseType: null,
    notNull: false,
    default: null,
    checks: [],
    owner: null,
    comment: null,
    created: ctx.origin,
    changes: [],
    ...fill,
  });
  ctx.emit({ action: 'create', objectType: 'type', name: key, message: `created ${fill.kind} type "${key}"` });
}

export function createEnum(statement: CreateEnumStmt, ctx: ReplayContext): void {
  createType(ctx, statement.typeName, { kind: 'enum', labels: stringsOf(statement.vals) });
}

export function createComposite(statement: CompositeTypeStmt, ctx: ReplayContext): void {
  const relation = statement.typevar;
  const names = [relation?.schemaname, relation?.relname ?? ''].filter((part): part is string => part !== undefined);
  const attributes = (statement.coldeflist ?? []).flatMap((node) =>
    'ColumnDef' in node && node.ColumnDef.typeName ? [{ name: node.ColumnDef.colname ?? '', type: formatType(ctx.qualifyType(node.ColumnDef.typeName)) }] : [],
  );
  createType(ctx, names.map((sval) => ({ String: { sval } })), { kind: 'composite', attributes });
}

export function createDomain(statement: CreateDomainStmt, ctx: ReplayContext): void {
  const { name } = schemaAndName(stringsOf(statement.domainname));
  let notNull = false;
  let defaultValue: string | null = null;
  const checks: TypeObject['checks'] = [];
  for (const node of statement.constraints ?? []) {
    if (!('Constraint' in node)) continue;
    const constraint = node.Constraint;
    if (constraint.contype === 'CONSTR_NOTNULL') notNull = true;
    else if (constraint.contype === 'CONSTR_DEFAULT' && constraint.raw_expr) defaultValue = expressionText(constraint.raw_expr);
    else if (constraint.contype === 'CONSTR_CHECK' && constraint.raw_expr) {
      const taken = new Set(checks.map((check) => check.name));
      let checkName = constraint.conname ?? `${name}_check`;
      for (let n = 1; !constraint.conname && taken.has(checkName); n++) checkName = `${name}_check${n}`;
      checks.push({ name: checkName, expression: expressionText(constraint.raw_expr) });
      recordConstraintName(ctx.schema, checkName);
    }
  }
  createType(ctx, statement.domainname, {
    kind: 'domain',
    baseType: statement.typeName ? formatType(ctx.qualifyType(statement.typeName)) : null,
    notNull,
    default: defaultValue,
    checks,
  });
}

export function createRange(statement: CreateRangeStmt, ctx: ReplayContext): void {
  let subtype: string | null = null;
  for (const node of statement.params ?? []) {
    if ('DefElem' in node && node.DefElem.defname === 'subtype' && node.DefElem.arg && 'TypeName' in node.DefElem.arg) {
      subtype = formatType(ctx.qualifyType(node.DefElem.arg.TypeName));
    }
  }
  createType(ctx, statement.typeName, { kind: 'range', baseType: subtype });
}

/** `'label'`, `'label'::type` or `CAST('label' AS type)`. */
const LABEL_DEFAULT = /^(CAST\()?'((?:[^']|'')*)'((?:::| AS )[^']*)?$/;

/**
 * A column default that is a label of the enum holds the label's oid, so RENAME VALUE shows in
 * it: `'closed'` becomes `'Closed'` (Lemmy's registration_mode default).
 */
function relabelDefaults(ctx: ReplayContext, type: TypeObject, oldLabel: string, newLabel: string): void {
  const spelling = spelled(type);
  const quoted = (label: string) => `'${label.replace(/'/g, "''")}'`;
  for (const table of ctx.schema.tables.values()) {
    for (const column of table.columns) {
      const match = column.type === spelling && column.default !== null ? LABEL_DEFAULT.exec(column.default) : null;
      if (!match || match[2]!.replace(/''/g, "'") !== oldLabel) continue;
      column.default = `${match[1] ?? ''}${quoted(newLabel)}${match[3] ?? ''}`;
    }
  }
}

export function alterEnum(statement: AlterEnumStmt, ctx: ReplayContext): void {
  const { schema, name } = schemaAndName(stringsOf(statement.typeName));
  const key = ctx.findKey(ctx.schema.types, schema, name);
  const type = key ? ctx.schema.types.get(key) : undefined;
  if (!key || !type || type.kind !== 'enum') {
    const missing = key ?? ctx.keyForCreate(schema, name);
    ctx.emit({ action: 'error', objectType: 'type', name: missing, reason: { code: 'missing', kind: 'enum', name: missing } });
    return;
  }
  if (statement.oldVal !== undefined) {
    const at = type.labels.indexOf(statement.oldVal);
    if (at < 0 || type.labels.includes(statement.newVal ?? '')) {
      ctx.emit({ action: 'error', objectType: 'type', name: key, reason: at < 0 ? { code: 'wrong-kind', text: `"${statement.oldVal}" is not an existing enum label` } : { code: 'exists', kind: 'enum label', name: statement.newVal ?? '' } });
      return;
    }
    type.labels[at] = statement.newVal ?? '';
    relabelDefaults(ctx, type, statement.oldVal, statement.newVal ?? '');
    ctx.change(type, `renamed value "${statement.oldVal}" to "${statement.newVal}"`);
    ctx.emit({ action: 'alter', objectType: 'type', name: key, message: `renamed value "${statement.oldVal}" of enum "${key}" to "${statement.newVal}"` });
    return;
  }
  const value = statement.newVal ?? '';
  if (type.labels.includes(value)) {
    ctx.emit({
      action: statement.skipIfNewValExists ? 'noop' : 'error',
      objectType: 'type',
      name: key,
      reason: { code: 'exists', kind: 'enum label', name: value, within: key },
    });
    return;
  }
  const neighbor = statement.newValNeighbor ? type.labels.indexOf(statement.newValNeighbor) : -1;
  if (statement.newValNeighbor && neighbor < 0) {
    ctx.emit({ action: 'error', objectType: 'type', name: key, reason: { code: 'wrong-kind', text: `"${statement.newValNeighbor}" is not an existing enum label` } });
    return;
  }
  const position = neighbor < 0 ? type.labels.length : statement.newValIsAfter ? neighbor + 1 : neighbor;
  type.labels.splice(position, 0, value);
  ctx.change(type, `added value "${value}"`);
  ctx.emit({ action: 'alter', objectType: 'type', name: key, message: `added value "${value}" to enum "${key}"` });
}

/** The key a type name resolves to (for DROP TYPE and friends). */
export function findType(ctx: ReplayContext, parts: string[]): string | null {
  const { schema, name } = schemaAndName(parts);
  return ctx.findKey(ctx.schema.types, schema, name);
}


/** ALTER DOMAIN: SET/DROP DEFAULT (T), SET/DROP NOT NULL (O/N), ADD/DROP/VALIDATE CONSTRAINT (C/X/V). */
export function alterDomain(statement: AlterDomainStmt, ctx: ReplayContext): void {
  const key = findType(ctx, stringsOf(statement.typeName));
  const domain = key ? ctx.schema.types.get(key) : undefined;
  if (!key || !domain || domain.kind !== 'domain') {
    const { schema, name } = schemaAndName(stringsOf(statement.typeName));
    const missing = key ?? ctx.keyForCreate(schema, name);
    ctx.emit({ action: 'error', objectType: 'type', name: missing, reason: { code: 'missing', kind: 'domain', name: missing } });
    return;
  }
  const done = (description: string) => {
    ctx.change(domain, description);
    ctx.emit({ action: 'alter', objectType: 'type', name: key, message: `${description} on domain "${key}"` });
  };
  switch (statement.subtype) {
    case 'T':
      domain.default = statement.def ? expressionText(statement.def) : null;
      return done(statement.def ? 'set the default' : 'dropped the default');
    case 'O':
      domain.notNull = true;
      return done('set NOT NULL');
    case 'N':
      domain.notNull = false;
      return done('dropped NOT NULL');
    case 'C': {
      const constraint = statement.def && 'Constraint' in statement.def ? statement.def.Constraint : null;
      if (constraint?.contype === 'CONSTR_NOTNULL') {
        domain.notNull = true;
        return done('set NOT NULL');
      }
      if (!constraint?.raw_expr) return ctx.keepUninterpreted();
      const name = constraint.conname ?? `${domain.name}_check`;
      if (domain.checks.some((check) => check.name === name)) {
        ctx.emit({ action: 'error', objectType: 'type', name: key, reason: { code: 'exists', kind: 'constraint', name, parent: { word: 'for', kind: 'domain', name: key } } });
        return;
      }
      domain.checks.push({ name, expression: expressionText(constraint.raw_expr) });
      recordConstraintName(ctx.schema, name);
      return done(`added constraint "${name}"`);
    }
    case 'X': {
      const name = statement.name ?? '';
      if (!domain.checks.some((check) => check.name === name)) {
        ctx.emit({ action: statement.missing_ok ? 'noop' : 'error', objectType: 'type', name: key, reason: { code: 'missing', kind: 'constraint', name, parent: { word: 'of', kind: 'domain', name: key } } });
        return;
      }
      domain.checks = domain.checks.filter((check) => check.name !== name);
      return done(`dropped constraint "${name}"`);
    }
    default:
      return done((statement.subtype ?? 'ALTER').toString());
  }
}
