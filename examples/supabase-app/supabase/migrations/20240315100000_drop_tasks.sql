-- Tasks are being rebuilt with uuid ids + status column (see next migration).
-- Data was exported to tasks_backup.csv on 2024-03-14.
DROP TABLE public.tasks;
