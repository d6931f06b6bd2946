-- Projects belong to an organization; tasks belong to a project.

CREATE TABLE public.projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES public.organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_organization_id_idx ON public.projects (organization_id);

CREATE TABLE public.tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES public.projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  assignee_id uuid REFERENCES auth.users (id),
  due_date date,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tasks_project_id_idx ON public.tasks (project_id);

ALTER TABLE public.projects ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.tasks ENABLE ROW LEVEL SECURITY;

-- Read access for org members. Writes go through the API (service role) for now.
CREATE POLICY "Org members can view projects"
  ON public.projects FOR SELECT TO authenticated
  USING ( public.is_org_member(organization_id) );

CREATE POLICY "Org members can manage tasks"
  ON public.tasks FOR ALL TO authenticated
  USING ( EXISTS (
    SELECT 1 FROM public.projects p
    WHERE p.id = tasks.project_id AND public.is_org_member(p.organization_id)
  ) );

CREATE TRIGGER projects_set_updated_at
  BEFORE UPDATE ON public.projects
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
