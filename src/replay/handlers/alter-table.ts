import type { AlterTableCmd, AlterTableStmt, Constraint as ConstraintNode, Node, TypeName } from 'libpg-query';
import type { ReplayContext } from '../context.js';
import { qualifiedName, type Change, type Constraint, type Index, type RlsChange, type Sequence, type Table } from '../model.js';
import { persistenceRejection, setTablePersistence, setUnlogged } from '../persistence.js';
import { roleName } from '../names.js';
import { madeAt, type Reason } from '../reasons.js';
import { expressionText, formatType, stringsOf } from '../sql-text.js';
import { boundText, copyPartitionedIndexes } from './create-table.js';
import { queryUsesColumn } from '../rewrite.js';
import { columnDependents, describeDependents, dropColumn } from './cascade.js';
import { dependentViews, dropConstraint } from './dependents.js';
import { columnWithNotNull, pinNotNullNames } from '../not-null.js';
import { nameNewNotNulls } from '../constraint-names.js';
import { recordConstraintName } from '../constraint-names-used.js';
import { changeOwner, locate, setOwner } from './objects.js';
import { missingExtensionType } from '../extension-types.js';
import { applyStorageParameters } from './storage.js';
import { addColumn, addConstraintWithIndex, columnConstraintNodes, firstRejection, identitySequenceName, primaryKeyRejection } from './table-elements.js';

const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_FOREIGN_TABLE']);

/**
 * ALTER TABLE on tables; on views, sequences, indexes and ALTER TABLE naming one of those, the
 * owner is modelled and other subcommands are recorded as alterations.
 */
export function alterTable(statement: AlterTableStmt, ctx: ReplayContext): void {
  const relation = statement.relation!;
  const table = RELATION_KINDS.has(statement.objtype ?? '') ? ctx.findTable(relation.schemaname, relation.relname ?? '') : null;
  const key = table ? qualifiedName(table.schema, table.name) : ctx.keyForCreate(relation.schemaname, relation.relname ?? '');
  if (!table && alterOtherRelation(statement, ctx)) return;
  if (!table) {
    ctx.emit({
      action: statement.missing_ok ? 'noop' : 'error',
      objectType: 'table',
      name: key,
      reason: { code: 'missing', kind: 'relation', name: key },
    });
    return;
  }
  const commands = (statement.cmds ?? []).flatMap((item) => ('AlterTableCmd' in item ? [item.AlterTableCmd] : []));
  const added = commands.flatMap(addedConstraints);
  // A DROP CONSTRAINT or DROP COLUMN in the same statement may take the primary key with it first.
  const keepsPrimaryKey =
    table.constraints.some((constraint) => constraint.kind === 'primary key') && !commands.some((command) => command.subtype === 'AT_DropConstraint' || command.subtype === 'AT_DropColumn');
  const rejection =
    commands.map((command) => missingExtensionType(newColumnType(command), ctx)).find((reason) => reason !== null) ??
    firstRejection(added, ctx, { key, columns: columnsAfter(table, commands), permanent: !table.unlogged && !table.temporary }) ??
    primaryKeyRejection(added, keepsPrimaryKey, table.name) ??
    commands.map((command) => persistenceRejection(ctx.schema, table, command)).find((reason) => reason !== null);
  if (rejection) {
    ctx.emit({ action: 'error', objectType: 'table', name: key, tableId: table.id, reason: { code: 'whole-statement', cause: rejection, consequence: `ALTER TABLE "${key}" fails as a whole: nothing of it applies` } });
    return;
  }
  for (const command of commands) {
    const notNullBefore = new Set(table.columns.filter((column) => column.notNull));
    applyCommand(table, key, command, ctx);
    nameNewNotNulls(ctx.schema, table, table.columns.filter((column) => column.notNull && !notNullBefore.has(column)));
  }
}

/** The type an ADD COLUMN or ALTER COLUMN ... TYPE subcommand gives a column. */
function newColumnType(command: AlterTableCmd): TypeName | undefined {
  if (command.subtype !== 'AT_AddColumn' && command.subtype !== 'AT_AlterColumnType') return undefined;
  return command.def && 'ColumnDef' in command.def ? command.def.ColumnDef.typeName : undefined;
}

/** The table's columns once the statement's ADD COLUMNs ran (PostgreSQL adds columns before constraints). */
function columnsAfter(table: Table, commands: AlterTableCmd[]): Set<string> {
  const columns = new Set(table.columns.map((column) => column.name));
  for (const command of commands) {
    if (command.subtype === 'AT_AddColumn' && command.def && 'ColumnDef' in command.def) columns.add(command.def.ColumnDef.colname ?? '');
  }
  return columns;
}

/** The constraints an ADD COLUMN or ADD CONSTRAINT subcommand brings. */
function addedConstraints(command: AlterTableCmd): ConstraintNode[] {
  if (command.subtype === 'AT_AddConstraint' && command.def && 'Constraint' in command.def) return [command.def.Constraint];
  if (command.subtype === 'AT_AddColumn' && command.def && 'ColumnDef' in command.def) return columnConstraintNodes(command.def.ColumnDef);
  return [];
}

/** ALTER on a view, sequence or index (or ALTER TABLE naming one); false when nothing has that name. */
function alterOtherRelation(statement: AlterTableStmt, ctx: ReplayContext): boolean {
  const relation = statement.relation!;
  const objtype = statement.objtype ?? '';
  const kinds = RELATION_KINDS.has(objtype) ? ['OBJECT_VIEW', 'OBJECT_SEQUENCE', 'OBJECT_INDEX'] : [objtype === 'OBJECT_MATVIEW' ? 'OBJECT_VIEW' : objtype];
  for (const kind of kinds) {
    const found = locate(kind, undefined, relation, ctx);
    if (!found || found === 'unsupported') continue;
    for (const item of statement.cmds ?? []) {
      if (!('AlterTableCmd' in item)) continue;
      const command = item.AlterTableCmd;
      if (command.subtype === 'AT_ChangeOwner') setOwner(found, roleName(command.newowner), ctx);
      else if (found.objectType === 'index' && (command.subtype === 'AT_SetRelOptions' || command.subtype === 'AT_ResetRelOptions')) {
        setIndexStorageParameters(found.target as Index, command, ctx);
      } else {
        if (found.objectType === 'sequence' && (command.subtype === 'AT_SetLogged' || command.subtype === 'AT_SetUnLogged')) {
          setUnlogged(found.target as Sequence, command.subtype === 'AT_SetUnLogged');
        }
        found.target.changes?.push({ origin: ctx.origin, description: (command.subtype ?? '').replace(/^AT_/, '') });
        ctx.emit({ action: 'alter', objectType: found.objectType, name: found.name, message: `${(command.subtype ?? 'ALTER').replace(/^AT_/, '')} on "${found.name}"` });
      }
    }
    return true;
  }
  return false;
}

/**
 * The default PostgreSQL keeps after ALTER COLUMN TYPE: it strips the implicit casts of the old
 * default and casts the rest to the new type. A literal was already made a constant of the old
 * type, so it stays one (`'1970-01-01 00:00:00'::timestamp without time zone` on a timestamptz
 * column, evaluated in the session's time zone at each insert).
 */
function defaultAfterTypeChange(text: string, oldType: string): string {
  if (!/^'(?:[^']|'')*'$/.test(text.trim())) return text;
  return `${text.trim()}::${oldType.replace(/\(\d+(?:,\s*\d+)?\)/g, '')}`;
}

/** ALTER INDEX ... SET (...) / RESET (...). */
function setIndexStorageParameters(index: Index, command: AlterTableCmd, ctx: ReplayContext): void {
  const options = command.def && 'List' in command.def ? command.def.List.items : undefined;
  const storageParameters = applyStorageParameters(index.storageParameters ?? [], options, command.subtype === 'AT_ResetRelOptions');
  if (storageParameters.length > 0) index.storageParameters = storageParameters;
  else delete index.storageParameters;
  const key = qualifiedName(index.schema, index.name);
  ctx.emit({ action: 'alter', objectType: 'index', name: key, message: `${command.subtype === 'AT_ResetRelOptions' ? 'reset' : 'set'} storage parameters of index "${key}"` });
}

function partitionChild(def: Node | undefined, ctx: ReplayContext): { child: Table | null; name: string; bound: string | null } {
  const command = def && 'PartitionCmd' in def ? def.PartitionCmd : undefined;
  const relation = command?.name;
  const child = relation ? ctx.findTable(relation.schemaname, relation.relname ?? '') : null;
  return { child, name: ctx.keyForCreate(relation?.schemaname, relation?.relname ?? ''), bound: command?.bound ? boundText(command.bound) : null };
}

function applyCommand(table: Table, key: string, command: AlterTableCmd, ctx: ReplayContext): void {
  const columnName = command.name ?? '';
  const column = table.columns.find((candidate) => candidate.name === columnName);
  const changed = (description: string, member: string | null = columnName || null, rls?: RlsChange['rls']) => {
    const change: Change = rls ? { origin: ctx.origin, rls } : { origin: ctx.origin, description };
    table.changes.push(change);
    if (column && member === column.name) column.changes.push(change);
    ctx.emit({
      action: 'alter',
      objectType: member ? 'column' : 'table',
      name: key,
      tableId: table.id,
      member,
      message: description,
    });
  };
  const missingColumn = () =>
    ctx.emit({
      action: command.missing_ok ? 'noop' : 'error',
      objectType: 'column',
      name: key,
      tableId: table.id,
      member: columnName,
      reason: { code: 'missing', kind: 'column', name: columnName, parent: { word: 'of', kind: 'relation', name: key } },
    });

  switch (command.subtype) {
    case 'AT_AddColumn': {
      const definition = 'ColumnDef' in command.def! ? command.def.ColumnDef : null;
      if (!definition) return;
      const name = definition.colname ?? '';
      const existing = table.columns.find((candidate) => candidate.name === name);
      if (existing) {
        ctx.emit({
          action: command.missing_ok ? 'noop' : 'error',
          objectType: 'column',
          name: key,
          tableId: table.id,
          member: name,
          reason: { code: 'exists', kind: 'column', name, parent: { word: 'of', kind: 'relation', name: key }, madeAt: madeAt(existing.created, 'added') },
        });
        return;
      }
      addColumn(table, definition, ctx);
      table.changes.push({ origin: ctx.origin, description: `added column "${name}"` });
      ctx.emit({ action: 'alter', objectType: 'column', name: key, tableId: table.id, member: name, message: `added column "${name}"` });
      return;
    }
    case 'AT_DropColumn': {
      if (!column) return missingColumn();
      const dependents = columnDependents(ctx, table, column.name);
      if (dependents.length > 0 && command.behavior !== 'DROP_CASCADE') {
        const message = `cannot drop column ${columnName} of table ${key} because other objects depend on it (${describeDependents(dependents)})`;
        ctx.emit({ action: 'error', objectType: 'column', name: key, tableId: table.id, member: columnName, reason: { code: 'has-dependents', text: message } });
        return;
      }
      dropColumn(ctx, table, column.name);
      return changed(`dropped column "${columnName}"`);
    }
    case 'AT_AlterColumnType': {
      if (!column) return missingColumn();
      const definition = 'ColumnDef' in command.def! ? command.def.ColumnDef : null;
      if (!definition?.typeName) return;
      const type = formatType(ctx.qualifyType(definition.typeName));
      const views = viewsUsingColumn(ctx, table, key, column.name);
      if (views.length && type !== column.type) {
        ctx.emit({ action: 'error', objectType: 'column', name: key, tableId: table.id, member: columnName, reason: { code: 'has-dependents', text: `cannot alter type of a column used by a view: "${columnName}" of "${key}" is read by ${views.map((view) => `"${view}"`).join(', ')}` } });
        return;
      }
      if (definition.collClause) column.collation = stringsOf(definition.collClause.collname).join('.');
      const using = definition.raw_default ? ` using ${expressionText(definition.raw_default)}` : '';
      if (type === column.type) return changed(`set type of column "${columnName}" to ${type} (unchanged)${using}`);
      column.previousTypes.push({ type: column.type, until: ctx.origin });
      if (column.default !== null) column.default = defaultAfterTypeChange(column.default, column.type);
      column.type = type;
      return changed(`changed type of column "${columnName}" to ${type}${using}`);
    }
    case 'AT_ColumnDefault':
      if (!column) return missingColumn();
      column.default = command.def ? expressionText(command.def) : null;
      column.defaultSet = ctx.origin;
      return changed(command.def ? `set default of column "${columnName}"` : `dropped default of column "${columnName}"`);
    case 'AT_SetNotNull':
      if (!column) return missingColumn();
      if (!column.notNull) delete column.notNullName;
      column.notNull = true;
      // SET NOT NULL makes an inherited NOT NULL the table's own too (conislocal).
      delete column.notNullInherited;
      return changed(`set NOT NULL on column "${columnName}"`);
    case 'AT_DropNotNull':
      if (!column) return missingColumn();
      column.notNull = false;
      delete column.notNullName;
      return changed(`dropped NOT NULL on column "${columnName}"`);
    case 'AT_AddIdentity': {
      if (!column) return missingColumn();
      const node = command.def && 'Constraint' in command.def ? command.def.Constraint : null;
      column.identity = node?.generated_when === 'a' ? 'always' : 'by default';
      column.identitySequence = identitySequenceName(table, column.name, node?.options, ctx);
      column.notNull = true;
      return changed(`added identity to column "${columnName}"`);
    }
    case 'AT_SetIdentity': {
      if (!column) return missingColumn();
      for (const option of command.def && 'List' in command.def ? (command.def.List.items ?? []) : []) {
        if ('DefElem' in option && option.DefElem.defname === 'generated' && option.DefElem.arg && 'Integer' in option.DefElem.arg) {
          column.identity = option.DefElem.arg.Integer.ival === 97 ? 'always' : 'by default';
        }
      }
      return changed(`altered identity of column "${columnName}"`);
    }
    case 'AT_DropIdentity':
      if (!column) return missingColumn();
      if (!column.identity) {
        ctx.emit({ action: command.missing_ok ? 'noop' : 'error', objectType: 'column', name: key, tableId: table.id, member: columnName, reason: { code: 'wrong-kind', text: `column "${columnName}" of relation "${key}" is not an identity column` } });
        return;
      }
      column.identity = null;
      delete column.identitySequence;
      return changed(`dropped identity of column "${columnName}"`);
    case 'AT_DropExpression':
      if (!column) return missingColumn();
      column.generated = null;
      return changed(`dropped generation expression of column "${columnName}"`);
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions': {
      const options = command.def && 'List' in command.def ? command.def.List.items : undefined;
      const storageParameters = applyStorageParameters(table.storageParameters ?? [], options, command.subtype === 'AT_ResetRelOptions');
      if (storageParameters.length > 0) table.storageParameters = storageParameters;
      else delete table.storageParameters;
      return changed(`${command.subtype === 'AT_ResetRelOptions' ? 'reset' : 'set'} storage parameters`, null);
    }
    case 'AT_ChangeOwner':
      changeOwner(ctx, { objectType: 'table', name: key }, table, roleName(command.newowner));
      return changed(`owner set to ${roleName(command.newowner)}`, null);
    case 'AT_AttachPartition': {
      const { child, name, bound } = partitionChild(command.def, ctx);
      if (!child) {
        ctx.emit({ action: 'error', objectType: 'table', name, reason: { code: 'missing', kind: 'relation', name } });
        return;
      }
      if (child.partitionOf) {
        ctx.emit({ action: 'error', objectType: 'table', name, tableId: child.id, reason: { code: 'already-partition', name } });
        return;
      }
      pinNotNullNames(ctx.schema, child);
      child.partitionOf = key;
      child.partitionBound = bound;
      copyPartitionedIndexes(child, ctx);
      for (const column of child.columns) {
        const parentColumn = table.columns.find((candidate) => candidate.name === column.name);
        if (!parentColumn?.identity) continue;
        column.identity = parentColumn.identity;
        column.identitySequence = parentColumn.identitySequence;
      }
      ctx.change(child, `attached as a partition of "${key}"`);
      return changed(`attached partition "${name}"`, null);
    }
    case 'AT_DetachPartition':
    case 'AT_DetachPartitionFinalize': {
      const { child, name } = partitionChild(command.def, ctx);
      if (!child || child.partitionOf !== key) {
        ctx.emit({ action: 'error', objectType: 'table', name, reason: { code: 'not-partition', name, parent: key } });
        return;
      }
      pinNotNullNames(ctx.schema, child);
      child.partitionOf = null;
      child.partitionBound = null;
      for (const column of child.columns) {
        if (!table.columns.find((candidate) => candidate.name === column.name)?.identity) continue;
        column.identity = null;
        delete column.identitySequence;
      }
      ctx.change(child, `detached from "${key}"`);
      return changed(`detached partition "${name}"`, null);
    }
    case 'AT_AddInherit':
    case 'AT_DropInherit': {
      const parent = command.def && 'RangeVar' in command.def ? command.def.RangeVar : undefined;
      const parentTable = parent ? ctx.findTable(parent.schemaname, parent.relname ?? '') : null;
      if (!parentTable) {
        ctx.relationMissing(parent, 'table');
        return;
      }
      const parentKey = qualifiedName(parentTable.schema, parentTable.name);
      if (command.subtype === 'AT_AddInherit') table.inherits.push(parentKey);
      else {
        table.inherits = table.inherits.filter((candidate) => candidate !== parentKey);
        // A column no remaining parent has becomes the table's own (attislocal), as PostgreSQL does.
        const fromParents = (name: string) => table.inherits.some((key) => ctx.schema.tables.get(key)?.columns.some((column) => column.name === name));
        for (const column of table.columns) {
          if (column.inherited && !fromParents(column.name)) delete column.inherited;
          // NO INHERIT makes the constraints the parent gave the table's own (conislocal).
          if (!fromParents(column.name)) delete column.notNullInherited;
        }
      }
      return changed(`${command.subtype === 'AT_AddInherit' ? 'now inherits from' : 'no longer inherits from'} "${parentKey}"`, null);
    }
    case 'AT_AddConstraint': {
      const node = command.def && 'Constraint' in command.def ? command.def.Constraint : null;
      if (!node) return;
      if (node.indexname) return addConstraintUsingIndex(table, key, node.conname, node.indexname, node.contype === 'CONSTR_PRIMARY', ctx, changed);
      if (node.conname && table.constraints.some((constraint) => constraint.name === node.conname)) {
        ctx.emit({
          action: 'error',
          objectType: 'constraint',
          name: key,
          tableId: table.id,
          member: node.conname,
          reason: { code: 'exists', kind: 'constraint', name: node.conname, parent: { word: 'for', kind: 'relation', name: key } },
        });
        return;
      }
      const added = addConstraintWithIndex(table, node, ctx, null);
      if (!added) return;
      return changed(`added ${added.kind} constraint "${added.name}"`, null);
    }
    case 'AT_DropConstraint': {
      const notNull = table.constraints.some((constraint) => constraint.name === columnName) ? undefined : columnWithNotNull(ctx.schema, table, columnName ?? '');
      if (notNull) {
        notNull.notNull = false;
        delete notNull.notNullName;
        return changed(`dropped NOT NULL constraint "${columnName}" of column "${notNull.name}"`, notNull.name);
      }
      if (!table.constraints.some((constraint) => constraint.name === columnName)) {
        ctx.emit({
          action: command.missing_ok ? 'noop' : 'error',
          objectType: 'constraint',
          name: key,
          tableId: table.id,
          member: columnName,
          reason: { code: 'missing', kind: 'constraint', name: columnName, parent: { word: 'of', kind: 'relation', name: key } },
        });
        return;
      }
      const dependents = foreignKeysOnKey(ctx, table, key, columnName);
      if (dependents.length > 0 && command.behavior !== 'DROP_CASCADE') {
        const what = dependents.map(({ owner, constraint }) => `constraint "${constraint.name}" on "${owner.name}"`).join(', ');
        ctx.emit({ action: 'error', objectType: 'constraint', name: key, tableId: table.id, member: columnName, reason: { code: 'has-dependents', text: `cannot drop constraint "${columnName}" on "${key}" because ${what} depend(s) on it (use CASCADE)` } });
        return;
      }
      for (const { owner, constraint } of dependents) {
        dropConstraint(ctx.schema, owner, constraint.name);
        ctx.change(owner, `dropped constraint "${constraint.name}" (CASCADE from "${columnName}" on "${key}")`);
      }
      dropConstraint(ctx.schema, table, columnName);
      return changed(`dropped constraint "${columnName}"`, null);
    }
    case 'AT_ValidateConstraint': {
      const constraint = table.constraints.find((candidate) => candidate.name === columnName);
      if (!constraint) {
        ctx.emit({ action: 'error', objectType: 'constraint', name: key, tableId: table.id, member: columnName, reason: { code: 'missing', kind: 'constraint', name: columnName, parent: { word: 'of', kind: 'relation', name: key } } });
        return;
      }
      delete constraint.notValid;
      return changed(`validated constraint "${columnName}"`, null);
    }
    case 'AT_AlterConstraint': {
      const change = command.def && 'ATAlterConstraint' in command.def ? command.def.ATAlterConstraint : undefined;
      const name = change?.conname ?? '';
      const constraint = table.constraints.find((candidate) => candidate.name === name);
      if (!change || !constraint || constraint.kind !== 'foreign key') {
        const reason: Reason = constraint
          ? { code: 'wrong-kind', text: `constraint "${name}" of relation "${key}" is not a foreign key constraint` }
          : { code: 'missing', kind: 'constraint', name, parent: { word: 'of', kind: 'relation', name: key } };
        ctx.emit({ action: 'error', objectType: 'constraint', name: key, tableId: table.id, member: name, reason });
        return;
      }
      if (!change.alterDeferrability) return ctx.keepUninterpreted();
      if (change.deferrable) constraint.deferrable = true;
      else delete constraint.deferrable;
      if (change.initdeferred) constraint.initiallyDeferred = true;
      else delete constraint.initiallyDeferred;
      return changed(`made constraint "${name}" ${change.deferrable ? 'deferrable' : 'not deferrable'}`, null);
    }
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      setTablePersistence(ctx.schema, table, command.subtype === 'AT_SetUnLogged');
      return changed(command.subtype === 'AT_SetUnLogged' ? 'set unlogged' : 'set logged', null);
    case 'AT_EnableRowSecurity':
      table.rlsEnabled = true;
      return changed('enabled row level security', null, 'enabled');
    case 'AT_DisableRowSecurity':
      table.rlsEnabled = false;
      return changed('disabled row level security', null, 'disabled');
    case 'AT_ForceRowSecurity':
      table.rlsForced = true;
      return changed('forced row level security', null, 'forced');
    case 'AT_NoForceRowSecurity':
      table.rlsForced = false;
      return changed('stopped forcing row level security', null, 'no longer forced');
    default:
      return changed(`${(command.subtype ?? 'ALTER').replace(/^AT_/, '')}${columnName ? ` on "${columnName}"` : ''}`, column ? columnName : null);
  }
}

/** ADD CONSTRAINT name PRIMARY KEY / UNIQUE USING INDEX idx: the index is renamed to the constraint. */
function addConstraintUsingIndex(
  table: Table,
  key: string,
  name: string | undefined,
  indexName: string,
  primary: boolean,
  ctx: ReplayContext,
  changed: (description: string, member: string | null) => void,
): void {
  const indexKey = qualifiedName(table.schema, indexName);
  const index = ctx.schema.indexes.get(indexKey);
  if (!index || index.table !== key) {
    ctx.emit({ action: 'error', objectType: 'index', name: indexKey, tableId: table.id, reason: { code: 'missing', kind: 'index', name: indexName } });
    return;
  }
  const constraintName = name ?? indexName;
  table.constraints.push({ name: constraintName, kind: primary ? 'primary key' : 'unique', columns: [...index.keys], references: null, expression: null, created: ctx.origin });
  recordConstraintName(ctx.schema, constraintName);
  if (primary) for (const column of table.columns) if (index.keys.includes(column.name)) column.notNull = true;
  ctx.schema.indexes.delete(indexKey);
  index.name = constraintName;
  index.constraint = constraintName;
  ctx.schema.indexes.set(qualifiedName(table.schema, constraintName), index);
  changed(`added ${primary ? 'primary key' : 'unique'} constraint "${constraintName}" using index "${indexName}"`, null);
}

/**
 * Foreign keys that rely on the primary key or unique constraint `name` of the table: those
 * referencing exactly its columns, when no other key of the table covers them.
 */
function foreignKeysOnKey(ctx: ReplayContext, table: Table, key: string, name: string): { owner: Table; constraint: Constraint }[] {
  const dropped = table.constraints.find((constraint) => constraint.name === name);
  if (!dropped || (dropped.kind !== 'primary key' && dropped.kind !== 'unique')) return [];
  const same = (columns: string[]) => columns.length === dropped.columns.length && columns.every((column) => dropped.columns.includes(column));
  const covered = table.constraints.some((other) => other !== dropped && (other.kind === 'primary key' || other.kind === 'unique') && same(other.columns));
  if (covered) return [];
  return [...ctx.schema.tables.values()].flatMap((owner) =>
    owner.constraints
      .filter((constraint) => constraint.kind === 'foreign key' && constraint.references?.table === key && same(constraint.references.columns))
      .map((constraint) => ({ owner, constraint })),
  );
}

/** Views that read the column (directly), and the views built on them. */
function viewsUsingColumn(ctx: ReplayContext, table: Table, key: string, column: string): string[] {
  const direct = [...ctx.schema.views.entries()]
    .filter(([, view]) => view.dependsOn.includes(key) && queryUsesColumn(view.query, { schema: table.schema, name: table.name }, column, view.schema))
    .map(([viewKey]) => viewKey);
  return [...new Set(direct.flatMap((viewKey) => [viewKey, ...dependentViews(ctx.schema, viewKey)]))];
}
