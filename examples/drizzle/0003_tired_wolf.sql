-- Generated, then the journal entry was lost in a merge: drizzle-kit's migrator never runs it.
CREATE TABLE IF NOT EXISTS "tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
