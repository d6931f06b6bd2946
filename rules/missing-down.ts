import type { ParsedFile } from '../src/parse/index.js';
import { defineRule, shortName, type Report } from '../src/rule.js';

/** Layouts whose runner reverts a migration with a paired down file or section. */
const PAIRED_FILES = new Set(['golang-migrate', 'diesel']);
const SECTIONS = new Set(['dbmate', 'goose']);

export default defineRule({
  id: 'missing-down',
  category: 'naming',
  severity: 'warning',
  description: 'An up migration without its down migration, in a layout that pairs them.',
  docs: {
    why: 'Rolling back past this version fails (golang-migrate, Diesel) or does nothing (dbmate, goose), and the runner records the version as reverted while the schema keeps the change.',
    fix: 'Add the down file (or `-- migrate:down` / `-- +goose Down` section) that undoes the up migration; if it cannot be undone, write a down that says so by raising an error.',
    bad: '000004_add_users_last_login.up.sql   (no 000004_add_users_last_login.down.sql)',
    good: '000004_add_users_last_login.up.sql\n000004_add_users_last_login.down.sql',
  },
  check({ files, layout }) {
    if (SECTIONS.has(layout)) {
      return files
        .filter((parsed) => parsed.file.replayed && parsed.dialect !== null && !parsed.hasDownSection)
        .map((parsed) => ({ file: parsed.file.path, line: 1, column: 1, message: `"${shortName(parsed.file.path)}" has no down section.` }));
    }
    if (!PAIRED_FILES.has(layout)) return [];
    const pairKey = (parsed: ParsedFile) => {
      const folder = parsed.file.name.split('/').slice(0, -1).join('/');
      return `${folder}\u0000${parsed.file.version}`;
    };
    const downs = new Set(files.filter((parsed) => parsed.file.direction === 'down').map(pairKey));
    const reports: Report[] = [];
    for (const parsed of files) {
      if (parsed.file.direction !== 'up' || downs.has(pairKey(parsed))) continue;
      reports.push({ file: parsed.file.path, line: 1, column: 1, message: `"${shortName(parsed.file.path)}" has no down migration.` });
    }
    return reports;
  },
});
