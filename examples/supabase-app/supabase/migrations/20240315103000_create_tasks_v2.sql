-- Tasks v2: uuid ids, status instead of done flag, position for drag & drop.

CREATE TYPE public.task_status AS ENUM ('todo', 'in_progress', 'done');

CREATE TABLE public.tasks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES public.projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  status public.task_status NOT NULL DEFAULT 'todo',
  position integer NOT NULL DEFAULT 0,
  assignee_id uuid REFERENCES auth.users (id) ON DELETE SET NULL,
  due_date date,
  labels text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tasks_project_id_position_idx ON public.tasks (project_id, position);
CREATE INDEX tasks_assignee_id_idx ON public.tasks (assignee_id);

ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Org members can view tasks"
  ON public.tasks FOR SELECT TO authenticated
  USING ( EXISTS (
    SELECT 1 FROM public.projects p
    WHERE p.id = tasks.project_id AND public.is_org_member(p.organization_id)
  ) );

CREATE POLICY "Org members can create tasks"
  ON public.tasks FOR INSERT TO authenticated
  WITH CHECK ( EXISTS (
    SELECT 1 FROM public.projects p
    WHERE p.id = tasks.project_id AND public.is_org_member(p.organization_id)
  ) );

CREATE POLICY "Org members can update tasks"
  ON public.tasks FOR UPDATE TO authenticated
  USING ( EXISTS (
    SELECT 1 FROM public.projects p
    WHERE p.id = tasks.project_id AND public.is_org_member(p.organization_id)
  ) );

CREATE TRIGGER tasks_set_updated_at
  BEFORE UPDATE ON public.tasks
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
