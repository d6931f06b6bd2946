import { z } from 'zod';
import { functionSignature, nodeOf, positionAt, replayedStatements, type Located } from '../src/ast.js';
import { listOf } from '../src/names.js';
import { defineRule, shortName, type Report } from '../src/rule.js';

export default defineRule({
  id: 'redefined-function',
  category: 'history',
  severity: 'warning',
  description: 'The same function is defined with CREATE OR REPLACE in many migration files.',
  docs: {
    why: 'Each CREATE OR REPLACE silently swaps the body. With copies in many files (often with slightly different bodies), which version is live depends on the order files ran, and fixing one copy does not fix the others.',
    fix: 'Define the function once; when it must change, change it in one new migration and delete nothing but the older intent. A consolidated baseline keeps only the live body.',
    bad: '002_tickets.sql      CREATE OR REPLACE FUNCTION update_updated_at_column() ...\n011_openphone.sql    CREATE OR REPLACE FUNCTION update_updated_at_column() ...\n018_updated_at.sql   CREATE OR REPLACE FUNCTION update_updated_at_column() ...',
    good: '001_functions.sql    CREATE FUNCTION update_updated_at_column() ...\n011_openphone.sql    CREATE TRIGGER ... EXECUTE FUNCTION update_updated_at_column();',
  },
  options: z
    .object({
      /** In how many files one function may be defined before it is reported. */
      threshold: z.number().int().min(2).default(3),
    })
    .strict(),
  check({ files, options }) {
    const definitions = new Map<string, Located[]>();
    for (const place of replayedStatements(files)) {
      const create = nodeOf(place.statement, 'CreateFunctionStmt');
      if (!create) continue;
      const signature = functionSignature(create.funcname, create.parameters);
      const list = definitions.get(signature) ?? [];
      if (!list.some((earlier) => earlier.file === place.file)) list.push(place);
      definitions.set(signature, list);
    }
    const reports: Report[] = [];
    for (const [signature, places] of definitions) {
      if (places.length < options.threshold) continue;
      const latest = places[places.length - 1]!;
      reports.push({
        ...positionAt(latest),
        message: `Function ${signature} is defined in ${places.length} files (${listOf(places.map((place) => shortName(place.file.file.path)))}); the last one wins.`,
        related: places.slice(0, -1).map((place) => ({ file: place.file.file.path, line: place.statement.line, message: 'also defined here' })),
      });
    }
    return reports;
  },
});
