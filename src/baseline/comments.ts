/** COMMENT ON for every object and member the model keeps a comment for. */
import { PUBLIC_SCHEMA_COMMENT, type SchemaModel } from '../replay/model.js';
import { functionReference, ident, literal, qualified } from './sql.js';

export function commentStatements(schema: SchemaModel): string[] {
  const statements: string[] = [];
  const comment = (target: string, text: string | null | undefined) => {
    if (text !== null && text !== undefined) statements.push(`COMMENT ON ${target} IS ${literal(text)};`);
  };
  for (const item of schema.schemas.values()) {
    // The baseline's database has the public schema with PostgreSQL's comment already.
    if (item.name !== 'public') comment(`SCHEMA ${ident(item.name)}`, item.comment);
    else if (item.comment === null) statements.push('COMMENT ON SCHEMA public IS NULL;');
    else if (item.comment !== PUBLIC_SCHEMA_COMMENT) comment('SCHEMA public', item.comment);
  }
  for (const extension of schema.extensions.values()) comment(`EXTENSION ${ident(extension.name)}`, extension.comment);
  for (const type of schema.types.values()) comment(`${type.kind === 'domain' ? 'DOMAIN' : 'TYPE'} ${qualified(type.schema, type.name)}`, type.comment);
  for (const sequence of schema.sequences.values()) comment(`SEQUENCE ${qualified(sequence.schema, sequence.name)}`, sequence.comment);
  for (const table of schema.tables.values()) {
    const name = qualified(table.schema, table.name);
    comment(`TABLE ${name}`, table.comment);
    for (const column of table.columns) comment(`COLUMN ${name}.${ident(column.name)}`, column.comment);
    for (const constraint of table.constraints) comment(`CONSTRAINT ${ident(constraint.name)} ON ${name}`, constraint.comment);
    for (const trigger of table.triggers) comment(`TRIGGER ${ident(trigger.name)} ON ${name}`, trigger.comment);
    for (const policy of table.policies) comment(`POLICY ${ident(policy.name)} ON ${name}`, policy.comment);
  }
  for (const index of schema.indexes.values()) comment(`INDEX ${qualified(index.schema, index.name)}`, index.comment);
  for (const view of schema.views.values()) comment(`${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)}`, view.comment);
  for (const [key, fn] of schema.functions) comment(`${fn.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${functionReference(key)}`, fn.comment);
  return statements;
}
