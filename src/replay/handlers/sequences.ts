/** CREATE SEQUENCE and ALTER SEQUENCE (options, OWNED BY). */
import type { AlterSeqStmt, CreateSeqStmt, Node } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import type { Reason } from '../reasons.js';
import { qualifiedName, type Sequence } from '../model.js';
import { expressionText, formatType, stringsOf } from '../sql-text.js';
import { applyDefaultPrivileges } from './grants.js';

function optionValue(node: Node | undefined): string {
  if (!node) return '';
  if ('Integer' in node) return String(node.Integer.ival ?? 0);
  if ('Float' in node) return node.Float.fval ?? '';
  if ('String' in node) return node.String.sval ?? '';
  if ('Boolean' in node) return String(node.Boolean.boolval ?? false);
  if ('TypeName' in node) return formatType(node.TypeName);
  if ('List' in node) return stringsOf(node.List.items).join('.');
  return expressionText(node);
}

/** Applies sequence options; returns the rejection of an OWNED BY that names nothing. */
function applyOptions(sequence: Sequence, options: Node[] | undefined, ctx: ReplayContext): Reason | null {
  for (const node of options ?? []) {
    if (!('DefElem' in node)) continue;
    const name = node.DefElem.defname ?? '';
    if (name === 'as') {
      sequence.dataType = optionValue(node.DefElem.arg);
    } else if (name === 'owned_by') {
      const parts = node.DefElem.arg && 'List' in node.DefElem.arg ? stringsOf(node.DefElem.arg.List.items) : [];
      if (parts.length === 1 && parts[0] === 'none') {
        sequence.ownedBy = null;
        continue;
      }
      const column = parts[parts.length - 1] ?? '';
      const table = ctx.findTable(parts.length > 2 ? parts[parts.length - 3] : undefined, parts[parts.length - 2] ?? '');
      if (!table || !table.columns.some((candidate) => candidate.name === column)) return { code: 'missing', kind: 'column', name: parts.join('.') };
      sequence.ownedBy = { table: qualifiedName(table.schema, table.name), column };
    } else {
      sequence.options[name] = optionValue(node.DefElem.arg);
    }
  }
  return null;
}

export function createSequence(statement: CreateSeqStmt, ctx: ReplayContext): void {
  const relation = statement.sequence!;
  const key = ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (ctx.relationExists(key)) {
    ctx.emit({ action: statement.if_not_exists ? 'noop' : 'error', objectType: 'sequence', name: key, reason: { code: 'exists', kind: 'relation', name: key } });
    return;
  }
  const [schema] = key.split('.') as [string];
  const sequence: Sequence = {
    schema,
    name: relation.relname ?? '',
    dataType: 'bigint',
    options: {},
    ownedBy: null,
    owner: null,
    comment: null,
    created: ctx.origin,
    changes: [],
    ...(relation.relpersistence === 'u' ? { unlogged: true } : {}),
  };
  const problem = applyOptions(sequence, statement.options, ctx);
  if (problem) {
    ctx.emit({ action: 'error', objectType: 'sequence', name: key, reason: problem });
    return;
  }
  ctx.schema.sequences.set(key, sequence);
  applyDefaultPrivileges(ctx, 'sequences', schema, key, 'sequence');
  ctx.emit({ action: 'create', objectType: 'sequence', name: key, message: `created sequence "${key}"` });
}

export function alterSequence(statement: AlterSeqStmt, ctx: ReplayContext): void {
  const relation = statement.sequence!;
  const key = ctx.findKey(ctx.schema.sequences, relation.schemaname, relation.relname ?? '');
  const sequence = key ? ctx.schema.sequences.get(key) : undefined;
  if (!key || !sequence) {
    ctx.relationMissing(relation, 'sequence', { missingOk: statement.missing_ok });
    return;
  }
  const problem = applyOptions(sequence, statement.options, ctx);
  if (problem) {
    ctx.emit({ action: 'error', objectType: 'sequence', name: key, reason: problem });
    return;
  }
  ctx.change(sequence, 'altered sequence');
  ctx.emit({ action: 'alter', objectType: 'sequence', name: key, message: `altered sequence "${key}"` });
}
