ALTER TABLE "todos" ADD COLUMN "due_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "display_name" text NOT NULL;
