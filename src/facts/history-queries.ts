/**
 * Questions rules ask of the replayed history and model: when a table came into existence,
 * which statement an event came from, what a column looked like at a given point.
 */
import { compareOrigins, nameParts, nodeOf, relationKey, type Located } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';
import type { Column, HistoryEvent, Index, Origin, Table } from '../replay/index.js';

/** Where each table (by its stable id) was first created. */
export function tableCreations(history: HistoryEvent[]): Map<number, Origin> {
  const created = new Map<number, Origin>();
  for (const event of history) {
    if (event.action === 'create' && event.objectType === 'table' && event.tableId !== null && !created.has(event.tableId)) {
      created.set(event.tableId, event.origin);
    }
  }
  return created;
}

/** The file an origin is in. */
function fileAt(files: ParsedFile[], origin: Origin): ParsedFile | undefined {
  // Files are usually listed in runner order, so the origin's order is its index: no scan.
  const indexed = files[origin.fileOrder];
  return indexed?.file.order === origin.fileOrder ? indexed : files.find((candidate) => candidate.file.order === origin.fileOrder);
}

/** The statement an origin names. */
export function statementAt(files: ParsedFile[], origin: Origin): Located | null {
  const file = fileAt(files, origin);
  const statement = file?.statements[origin.statementIndex];
  return file && statement ? { file, statement } : null;
}

/** The column's type just before `origin`, through its recorded type changes. */
export function typeBefore(column: Column, origin: Origin): string {
  const later = column.previousTypes.find((previous) => compareOrigins(previous.until, origin) >= 0);
  return later ? later.type : column.type;
}

/** Where row level security was (last) enabled on a table; where it was created if that is unknown. */
export function rlsEnabledAt(table: Table): Origin {
  const enabling = table.changes.filter((change) => 'rls' in change && change.rls === 'enabled');
  return enabling[enabling.length - 1]?.origin ?? table.created;
}

/** Sort order, NULLS placement and operator class of each key, which the model does not keep. */
export function indexKeyOptions(files: ParsedFile[], index: Index): string[] {
  const place = index.constraint ? null : statementAt(files, index.created);
  const statement = place ? nodeOf(place.statement, 'IndexStmt') : null;
  return (statement?.indexParams ?? []).map((param) => {
    if (!('IndexElem' in param)) return '';
    const element = param.IndexElem;
    const ordering = element.ordering === 'SORTBY_DESC' ? 'desc' : '';
    const nulls = element.nulls_ordering && element.nulls_ordering !== 'SORTBY_NULLS_DEFAULT' ? element.nulls_ordering : '';
    return [ordering, nulls, nameParts(element.opclass).join('.'), nameParts(element.collation).join('.')].join(' ').trim();
  });
}

/** True when the same file empties the table (TRUNCATE, or DELETE without WHERE or USING) before the statement at `origin`. */
export function emptiedEarlierInFile(files: ParsedFile[], tableKey: string, origin: Origin): boolean {
  return (fileAt(files, origin)?.statements ?? []).some((statement) => {
    if (statement.index >= origin.statementIndex) return false;
    const truncated = nodeOf(statement, 'TruncateStmt')?.relations ?? [];
    if (truncated.some((node) => 'RangeVar' in node && relationKey(node.RangeVar) === tableKey)) return true;
    const deleted = nodeOf(statement, 'DeleteStmt');
    if (!deleted?.relation || deleted.whereClause || deleted.usingClause?.length) return false;
    return relationKey(deleted.relation) === tableKey;
  });
}
