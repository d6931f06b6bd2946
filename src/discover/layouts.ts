/** The migration runners whose folder layouts miglint reads. */
export const LAYOUTS = [
  'supabase',
  'timestamp',
  'numbered',
  'golang-migrate',
  'flyway',
  'diesel',
  'dbmate',
  'goose',
  'prisma',
  'drizzle',
  'sqitch',
  'graphile-migrate',
  'node-pg-migrate',
] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Where `miglint` looks for a migrations folder when none is given, in this order. */
export const USUAL_PLACES = ['supabase/migrations', 'migrations', 'db/migrations'] as const;
