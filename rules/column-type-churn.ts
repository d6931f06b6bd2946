import { displayName } from '../src/names.js';
import { defineRule, shortName, type Report } from '../src/rule.js';
import { qualifiedName } from '../src/replay/model.js';

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
        if (column.previousTypes.length < 2) continue;
        const steps = [...column.previousTypes.map((previous) => previous.type), column.type];
        const last = column.previousTypes[column.previousTypes.length - 1]!.until;
        reports.push({
          file: last.path,
          line: last.line,
          column: last.column,
          message: `Column "${displayName(qualifiedName(table.schema, table.name))}.${column.name}" has changed type ${column.previousTypes.length} times: ${steps.join(' → ')}.`,
          related: column.previousTypes.map((previous, i) => ({
            file: previous.until.path,
            line: previous.until.line,
            message: `changed from ${previous.type} to ${steps[i + 1]} in ${shortName(previous.until.path)}`,
          })),
        });
      }
    }
    return reports;
  },
});
