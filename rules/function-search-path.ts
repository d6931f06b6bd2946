import { nodeOf, positionAt } from '../src/ast.js';
import { displayName } from '../src/names.js';
import { isPlatformRelation } from '../src/presets.js';
import type { HistoryEvent } from '../src/replay/index.js';
import { defineRule, type Report } from '../src/rule.js';

/**
 * CREATE [OR REPLACE] FUNCTION and ALTER FUNCTION set a function's security; ALTER FUNCTION ...
 * OWNER TO / RENAME / SET SCHEMA (after every function in a pg_dump) do not.
 */
function setsSecurity(event: HistoryEvent): boolean {
  const kind = event.innerKind ?? event.statementKind;
  return event.action === 'create' || (event.action === 'alter' && (kind === 'CreateFunctionStmt' || kind === 'AlterFunctionStmt'));
}

export default defineRule({
  id: 'function-search-path',
  category: 'security',
  severity: 'warning',
  description: 'A SECURITY DEFINER function without SET search_path.',
  docs: {
    why: 'A SECURITY DEFINER function runs with its owner\'s rights but resolves unqualified names through the caller\'s search_path. A caller who can create objects in a schema on that path can make the function call their own table or operator, with the owner\'s rights.',
    fix: "Pin the search path in the definition: `SET search_path = ''` (and qualify every name, e.g. public.profiles), or `SET search_path = public, pg_temp`.",
    bad: 'CREATE FUNCTION handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN INSERT INTO profiles (id) VALUES (NEW.id); RETURN NEW; END $$;',
    good: "CREATE FUNCTION handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$ BEGIN INSERT INTO public.profiles (id) VALUES (NEW.id); RETURN NEW; END $$;",
  },
  check({ schema, facts, preset }) {
    const lastDefinition = facts.lastDefinitions('function', setsSecurity);
    const reports: Report[] = [];
    for (const [key, fn] of schema.functions) {
      if (!fn.securityDefiner || fn.settings.some((setting) => setting.startsWith('search_path')) || isPlatformRelation(preset, `${fn.schema}.${fn.name}`)) continue;
      const event = lastDefinition.get(key);
      const place = event ? facts.statementAt(event.origin) : null;
      const options = place ? (nodeOf(place.statement, 'CreateFunctionStmt')?.options ?? nodeOf(place.statement, 'AlterFunctionStmt')?.actions ?? []) : [];
      const security = options.find((node) => 'DefElem' in node && node.DefElem.defname === 'security');
      const location = security && 'DefElem' in security ? security.DefElem.location : undefined;
      const where = place ? positionAt(place, location) : { file: fn.created.path, line: fn.created.line, column: fn.created.column };
      reports.push({
        ...where,
        message: `Function ${displayName(key)} is SECURITY DEFINER without SET search_path: callers can redirect the names it uses.`,
        suggestion: "Add SET search_path = '' and schema-qualify the names in its body.",
      });
    }
    return reports;
  },
});
