import type { PGlite } from '@electric-sql/pglite';
import { diffCatalogs, readCatalog } from '../../src/verify/catalog.js';

/** verify's catalog differences between two databases, as `category: section object path` lines; closes both. */
export async function catalogDifferences(chain: PGlite, baseline: PGlite): Promise<string[]> {
  const differences = diffCatalogs(await readCatalog(chain), await readCatalog(baseline));
  await chain.close();
  await baseline.close();
  return differences.map((difference) => `${difference.category}: ${difference.section} ${difference.object} ${difference.path}`);
}
