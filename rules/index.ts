/** Every rule, by id. Add a rule by adding its file to this folder and a line here. */
import type { Rule } from '../src/rule.js';
import duplicateCreateTable from './duplicate-create-table.js';
import emptyMigration from './empty-migration.js';
import mixedVersionFormat from './mixed-version-format.js';
import parseError from './parse-error.js';
import patchChain from './patch-chain.js';
import sortOrderMismatch from './sort-order-mismatch.js';
import unversionedFile from './unversioned-file.js';
import versionCollision from './version-collision.js';

export const RULES: Rule[] = [
  parseError,
  emptyMigration,
  duplicateCreateTable,
  patchChain,
  versionCollision,
  unversionedFile,
  mixedVersionFormat,
  sortOrderMismatch,
];
