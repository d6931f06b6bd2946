ALTER TABLE "todos" ADD COLUMN "done" boolean DEFAULT false NOT NULL;
