-- A one-off script kept next to the migrations: prisma migrate deploy never runs it.
UPDATE "User" SET "name" = split_part("email", '@', 1) WHERE "name" IS NULL;
