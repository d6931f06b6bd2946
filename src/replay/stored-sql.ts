/**
 * Every piece of SQL text the model keeps that PostgreSQL stores as a parse tree: defaults,
 * generated columns, CHECKs, policies, trigger conditions, view queries, index expressions and
 * predicates, domain defaults and CHECKs, function argument defaults. PostgreSQL holds the
 * objects these name by oid, so a rename or a move of one shows in all of them.
 */
import type { SchemaModel } from './model.js';
import type { SqlKind } from './rewrite.js';

export type SqlRewrite = (text: string, kind: SqlKind) => string;

export function rewriteStoredSql(schema: SchemaModel, rewrite: SqlRewrite): void {
  const expression = (text: string | null) => (text === null ? null : rewrite(text, 'expression'));
  for (const table of schema.tables.values()) {
    for (const column of table.columns) {
      column.default = expression(column.default);
      column.generated = expression(column.generated);
    }
    for (const constraint of table.constraints) if (constraint.kind === 'check') constraint.expression = expression(constraint.expression);
    for (const policy of table.policies) {
      policy.using = expression(policy.using);
      policy.withCheck = expression(policy.withCheck);
    }
    for (const trigger of table.triggers) trigger.when = expression(trigger.when);
  }
  for (const view of schema.views.values()) {
    view.query = rewrite(view.query, 'query');
    for (const trigger of view.triggers) trigger.when = expression(trigger.when);
  }
  for (const index of schema.indexes.values()) {
    index.where = expression(index.where);
    index.keys = index.keys.map((key, position) => {
      const sql = index.keySql[position] ?? '';
      if (!sql.startsWith(`(${key})`)) return key;
      const rewritten = rewrite(key, 'expression');
      index.keySql[position] = `(${rewritten})${sql.slice(key.length + 2)}`;
      return rewritten;
    });
  }
  for (const type of schema.types.values()) {
    type.default = expression(type.default);
    type.checks = type.checks.map((check) => ({ ...check, expression: rewrite(check.expression, 'expression') }));
  }
  for (const fn of schema.functions.values()) {
    for (const argument of fn.arguments) argument.default = expression(argument.default);
  }
}
