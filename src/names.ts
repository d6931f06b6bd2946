/** How findings name database objects: `users` for public tables, `auth.users` elsewhere. */
export function displayName(key: string): string {
  return key.startsWith('public.') ? key.slice('public.'.length) : key;
}

/** `a, b and c`; `a, b, c and 4 more` past `limit`. */
export function listOf(items: string[], limit = 8): string {
  if (items.length <= 1) return items.join('');
  const shown = items.length > limit ? [...items.slice(0, limit), `${items.length - limit} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
