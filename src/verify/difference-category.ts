/**
 * What a catalog difference is about, so that verify's report can count them and say which
 * ones widen or narrow what a role may do. `security` covers privileges (GRANT, REVOKE,
 * default privileges), owners, row-level security and policies, SECURITY DEFINER and the
 * settings (search_path) a function runs with, LEAKPROOF, and a view's security options.
 */
export type DifferenceCategory =
  | 'security'
  | 'missing object'
  | 'column'
  | 'column order'
  | 'constraint'
  | 'default'
  | 'storage'
  | 'function attribute'
  | 'comment'
  | 'definition';

const SECURITY_SECTIONS = new Set(['grants', 'defaultPrivileges', 'policies']);
const SECURITY_FIELDS: Record<string, Set<string>> = {
  tables: new Set(['rlsEnabled', 'rlsForced']),
  functions: new Set(['securityDefiner', 'leakproof', 'config']),
  views: new Set(['options']),
};
const STORAGE_FIELDS = new Set(['storageParameters', 'unlogged', 'accessMethod', 'clusteredOn', 'replicaIdentity', 'storage', 'compression', 'statisticsTarget', 'options']);
const FUNCTION_FIELDS = new Set(['volatility', 'strict', 'parallel', 'cost', 'rows']);

/** `section` is the catalog section, `path` the differing part (`columns.email.default`), empty for a whole object. */
export function categoryOf(section: string, path: string): DifferenceCategory {
  const parts = path.split('.');
  const field = parts[parts.length - 1] ?? '';
  if (SECURITY_SECTIONS.has(section) || field === 'owner' || SECURITY_FIELDS[section]?.has(parts[0] ?? '')) return 'security';
  if (section === 'comments') return 'comment';
  if (path === '') return 'missing object';
  if (path.endsWith(' order')) return 'column order';
  if (parts[0] === 'constraints' || parts[0] === 'members') return 'constraint';
  if (field === 'default') return 'default';
  if (STORAGE_FIELDS.has(field) || STORAGE_FIELDS.has(parts[0] ?? '')) return 'storage';
  if (section === 'functions' && FUNCTION_FIELDS.has(field)) return 'function attribute';
  if (parts[0] === 'columns') return 'column';
  return 'definition';
}
