/**
 * What verify cannot apply as the folder's runner does, so that a difference it causes is not
 * read as the baseline's: goose's Go migrations (code goose runs between the SQL files, which
 * verify cannot run), and files that are Go templates (`{{ index .Options "Namespace" }}`),
 * which the runner renders before it runs them and verify runs as written.
 */
import path from 'node:path';
import fg from 'fast-glob';
import { toDisplayPath, type Discovery } from '../discover/index.js';

export interface RunnerGaps {
  goMigrations: string[];
  goTemplates: string[];
}

/** A Go template action: `{{ .Name }}`, `{{ index .Options "Namespace" }}`, `{{- if ... }}`, `{{ end }}`. */
const GO_TEMPLATE_ACTION = /\{\{-?\s*(?:\.|\$|(?:index|if|else|end|range|with|template|define|block|printf)\b)[^}]*\}\}/;

/** goose registers a Go migration from a file named `<version>_<name>.go` beside the SQL ones. */
const GOOSE_GO_MIGRATION = /^\d+_\w+\.go$/;

export function runnerGaps(discovery: Discovery, cwd: string): RunnerGaps {
  const goMigrations =
    discovery.layout === 'goose'
      ? fg
          .sync('*.go', { cwd: discovery.dir })
          .filter((name) => GOOSE_GO_MIGRATION.test(name) && !name.endsWith('_test.go'))
          .sort()
          .map((name) => toDisplayPath(cwd, path.join(discovery.dir, name)))
      : [];
  const goTemplates = discovery.files.filter((file) => file.replayed && file.source !== null && GO_TEMPLATE_ACTION.test(file.source)).map((file) => file.path);
  return { goMigrations, goTemplates };
}

/** The report's lines about them (none when verify ran every file as the runner does). */
export function runnerGapLines(gaps: RunnerGaps | undefined): string[] {
  const lines: string[] = [];
  if (!gaps) return lines;
  if (gaps.goMigrations.length > 0) {
    lines.push(
      `Go migrations verify cannot run (${gaps.goMigrations.length}; goose runs them in version order with the SQL files, so the chain here lacks what they do, and differences and rejections that follow from it are expected):`,
      ...gaps.goMigrations.map((file) => `  ${file}`),
      '',
    );
  }
  if (gaps.goTemplates.length > 0) {
    lines.push(
      `Files that are Go templates (${gaps.goTemplates.length}; the runner renders {{ ... }} before running them, verify ran them as written, so PostgreSQL rejects them and differences and rejections that follow from it are expected):`,
      ...gaps.goTemplates.map((file) => `  ${file}`),
      '',
    );
  }
  return lines;
}

/** How many files verify could not run as the runner does (none when it was not asked: a report from `verify()` alone). */
export function gapCount(gaps: RunnerGaps | undefined): number {
  return gaps ? gaps.goMigrations.length + gaps.goTemplates.length : 0;
}
