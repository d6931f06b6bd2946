import { displayName } from '../src/names.js';
import { defineRule, shortName, type Report } from '../src/rule.js';
import { qualifiedName, type Column, type Origin } from '../src/replay/model.js';

/** One migration's net change of a column's type. */
interface TypeChange {
  from: string;
  to: string;
  at: Origin;
}

/**
 * The column's type changes, one per migration: a file that changes the type several times
 * changes it once, from its type before the file to its type after (reported where the file
 * last changed it); a file that ends on the type it started from (an enum rebuilt through
 * text, as drizzle-kit writes it) did not change the type at all.
 */
function changesByMigration(column: Column): TypeChange[] {
  const steps = [...column.previousTypes.map((previous) => previous.type), column.type];
  const changes: TypeChange[] = [];
  column.previousTypes.forEach((previous, i) => {
    const last = changes[changes.length - 1];
    if (last && last.at.path === previous.until.path) {
      last.to = steps[i + 1]!;
      last.at = previous.until;
    } else {
      changes.push({ from: steps[i]!, to: steps[i + 1]!, at: previous.until });
    }
  });
  return changes.filter((change) => change.from !== change.to);
}

export default defineRule({
  id: 'column-type-churn',
  category: 'history',
  severity: 'warning',
  description: 'A column whose type was changed two or more times across migrations.',
  docs: {
    why: 'Each ALTER COLUMN ... TYPE can rewrite the table under an exclusive lock, and a type changed again and again means its real requirements were never settled; referencing columns in other tables are often left with the old type.',
    fix: 'Decide the type once; in a consolidated baseline the column gets its final type directly.',
    bad: "CREATE TABLE calls (phone_number varchar(20));\n-- 020_fix_missing_columns.sql\nALTER TABLE calls ALTER COLUMN phone_number TYPE varchar(50);\n-- 025_fix_column_types.sql\nALTER TABLE calls ALTER COLUMN phone_number TYPE text;",
    good: 'CREATE TABLE calls (phone_number text);',
  },
  check({ schema }) {
    const reports: Report[] = [];
    for (const table of schema.tables.values()) {
      for (const column of table.columns) {
        const changes = changesByMigration(column);
        if (changes.length < 2) continue;
        const steps = [changes[0]!.from, ...changes.map((change) => change.to)];
        const last = changes[changes.length - 1]!.at;
        reports.push({
          file: last.path,
          line: last.line,
          column: last.column,
          message: `Column "${displayName(qualifiedName(table.schema, table.name))}.${column.name}" has changed type ${changes.length} times: ${steps.join(' → ')}.`,
          related: changes.map((change) => ({
            file: change.at.path,
            line: change.at.line,
            message: `changed from ${change.from} to ${change.to} in ${shortName(change.at.path)}`,
          })),
        });
      }
    }
    return reports;
  },
});
