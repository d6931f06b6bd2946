/** Every rule, by id. Add a rule by adding its file to this folder and a line here. */
import type { Rule } from '../src/rule.js';
import addingRequiredColumn from './adding-required-column.js';
import authRlsInitplan from './auth-rls-initplan.js';
import columnTypeChurn from './column-type-churn.js';
import conflictingColumnDefinition from './conflicting-column-definition.js';
import dataInMigration from './data-in-migration.js';
import dropRecreate from './drop-recreate.js';
import duplicateCreateTable from './duplicate-create-table.js';
import duplicateIndex from './duplicate-index.js';
import emptyMigration from './empty-migration.js';
import functionSearchPath from './function-search-path.js';
import identicalMigration from './identical-migration.js';
import invalidTimestamp from './invalid-timestamp.js';
import legacyTable from './legacy-table.js';
import migrationEdited from './migration-edited.js';
import missingDown from './missing-down.js';
import missingReference from './missing-reference.js';
import mixedVersionFormat from './mixed-version-format.js';
import multiplePermissivePolicies from './multiple-permissive-policies.js';
import noPrimaryKey from './no-primary-key.js';
import nonDescriptiveName from './non-descriptive-name.js';
import noopStatement from './noop-statement.js';
import orderDependency from './order-dependency.js';
import parseError from './parse-error.js';
import patchChain from './patch-chain.js';
import policyExistsRlsDisabled from './policy-exists-rls-disabled.js';
import redefinedFunction from './redefined-function.js';
import redundantIndex from './redundant-index.js';
import rejectedStatement from './rejected-statement.js';
import runnerFileMismatch from './runner-file-mismatch.js';
import requireConcurrentIndex from './require-concurrent-index.js';
import rlsDisabledInPublic from './rls-disabled-in-public.js';
import rlsEnabledNoPolicy from './rls-enabled-no-policy.js';
import rlsMissingWritePolicy from './rls-missing-write-policy.js';
import rlsPolicyAlwaysTrue from './rls-policy-always-true.js';
import securityDefinerView from './security-definer-view.js';
import shadowedCreate from './shadowed-create.js';
import sumOutOfDate from './sum-out-of-date.js';
import sortOrderMismatch from './sort-order-mismatch.js';
import unindexedForeignKey from './unindexed-foreign-key.js';
import unsafeColumnTypeChange from './unsafe-column-type-change.js';
import unplacedFile from './unplaced-file.js';
import unversionedFile from './unversioned-file.js';
import versionCollision from './version-collision.js';
import versionGap from './version-gap.js';

export const RULES: Rule[] = [
  parseError,
  emptyMigration,
  duplicateCreateTable,
  patchChain,
  versionCollision,
  unversionedFile,
  unplacedFile,
  runnerFileMismatch,
  mixedVersionFormat,
  sortOrderMismatch,
  shadowedCreate,
  noopStatement,
  conflictingColumnDefinition,
  missingReference,
  orderDependency,
  rejectedStatement,
  dropRecreate,
  redefinedFunction,
  columnTypeChurn,
  identicalMigration,
  migrationEdited,
  sumOutOfDate,
  dataInMigration,
  nonDescriptiveName,
  versionGap,
  invalidTimestamp,
  missingDown,
  legacyTable,
  noPrimaryKey,
  unindexedForeignKey,
  duplicateIndex,
  redundantIndex,
  requireConcurrentIndex,
  addingRequiredColumn,
  unsafeColumnTypeChange,
  rlsDisabledInPublic,
  rlsEnabledNoPolicy,
  policyExistsRlsDisabled,
  rlsMissingWritePolicy,
  rlsPolicyAlwaysTrue,
  multiplePermissivePolicies,
  authRlsInitplan,
  functionSearchPath,
  securityDefinerView,
];
