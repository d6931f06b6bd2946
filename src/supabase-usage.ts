/**
 * Whether migrations use what only a Supabase project has: its auth functions and tables, its
 * storage tables, its API roles. A folder that creates these itself (its own `auth` schema, its
 * own `authenticated` role as a PostgREST project does, Supabase's storage service creating
 * `storage.objects`) is not running on Supabase's: it owns them.
 */

const PLATFORM_OBJECTS = /\bauth\s*\.\s*(?:uid|jwt|role)\s*\(|\bauth\s*\.\s*users\b|\bstorage\s*\.\s*(?:objects|buckets)\b/i;
const PLATFORM_ROLES = /\b(?:to|from)\s+(?:"?\w+"?\s*,\s*)*"?(?:anon|authenticated|service_role)"?(?=\s*(?:[,;)]|$|using\b|with\b|granted\b))/im;
const OWN_PLATFORM = /\bcreate\s+(?:schema\s+(?:if\s+not\s+exists\s+)?"?(?:auth|storage)"?\b|role\s+"?(?:anon|authenticated|service_role)"?\b|table\s+(?:if\s+not\s+exists\s+)?(?:"?auth"?\s*\.\s*"?users|"?storage"?\s*\.\s*"?(?:objects|buckets))"?\b)/i;

export interface SupabaseUsage {
  /** Files that use Supabase's objects or roles. */
  files: number;
  /** What they use, for the explanation (`auth.users`, `authenticated`, ...). */
  uses: string[];
}

/** What of Supabase's the texts use, or null when they use nothing of it or create it themselves. */
export function supabaseUsage(texts: (string | null)[]): SupabaseUsage | null {
  if (texts.some((text) => text !== null && OWN_PLATFORM.test(text))) return null;
  const uses = new Set<string>();
  let files = 0;
  for (const text of texts) {
    if (text === null) continue;
    const object = PLATFORM_OBJECTS.exec(text);
    const role = PLATFORM_ROLES.exec(text);
    if (!object && !role) continue;
    files++;
    if (object) uses.add(object[0].replace(/\s+/g, '').replace(/\($/, '()').toLowerCase());
    for (const name of role?.[0].match(/\b(?:anon|authenticated|service_role)\b/gi) ?? []) uses.add(name.toLowerCase());
  }
  return files === 0 ? null : { files, uses: [...uses].sort() };
}

export function usesSupabase(texts: (string | null)[]): boolean {
  return supabaseUsage(texts) !== null;
}
