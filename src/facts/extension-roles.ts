/**
 * Roles an extension's install script creates: after `CREATE EXTENSION pgsodium`, a migration
 * may `GRANT pgsodium_keyholder TO service_role` though no migration says CREATE ROLE.
 */
const EXTENSION_ROLES: Readonly<Record<string, readonly string[]>> = {
  pgsodium: ['pgsodium_keyiduser', 'pgsodium_keyholder', 'pgsodium_keymaker'],
};

export function rolesOfExtension(name: string): readonly string[] {
  return EXTENSION_ROLES[name] ?? [];
}
