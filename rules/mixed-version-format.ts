import { defineRule, shortName, type Report } from '../src/rule.js';
import type { ParsedFile } from '../src/parse/index.js';

/** A version format, named in the singular and the plural. */
function formatOf(version: string): { one: string; many: string } {
  if (version.length === 14) return { one: 'a 14-digit timestamp', many: '14-digit timestamps' };
  if (version.length === 12) return { one: 'a 12-digit timestamp', many: '12-digit timestamps' };
  if (version.length === 8) return { one: 'an 8-digit date', many: '8-digit dates' };
  if (version.length < 8) return { one: 'a sequence number', many: 'sequence numbers' };
  return { one: `${version.length === 18 || version.length === 11 ? 'an' : 'a'} ${version.length}-digit version`, many: `${version.length}-digit versions` };
}

export default defineRule({
  id: 'mixed-version-format',
  category: 'naming',
  severity: 'warning',
  description: 'Versions in one folder use different formats: timestamps next to sequence numbers, 8-digit dates next to 14-digit timestamps.',
  docs: {
    why: 'Most runners (golang-migrate, goose, sqlx, Flyway) compare versions as numbers, so a file numbered `028` runs before every `20260401...` timestamp, and an 8-digit `20250821` runs before every 14-digit timestamp of the same year: the order the runner uses is not the order the team wrote the files in. The Supabase CLI applies files in name order but compares the versions it recorded as text, so a 12-digit `202605110001_x` sorts after `20260511000100_y` by name and before it as a version, and `supabase db push` stops on the mismatch.',
    fix: 'Rename the odd files to the folder\'s format, with the version that puts them where they belong.',
    bad: '20250820093000_add_accounts.sql\n20250821_add_sync_configuration.sql\n028_stories_meeting_ref.sql',
    good: '20250820093000_add_accounts.sql\n20250821000000_add_sync_configuration.sql\n20250822000000_stories_meeting_ref.sql',
  },
  check({ files }) {
    const versioned = files.filter(
      (parsed) => parsed.file.replayed && parsed.file.version !== null && /^\d+$/.test(parsed.file.version),
    );
    const groups = new Map<string, ParsedFile[]>();
    for (const parsed of versioned) {
      const format = formatOf(parsed.file.version!).many;
      groups.set(format, [...(groups.get(format) ?? []), parsed]);
    }
    if (groups.size < 2) return [];
    const [majorityFormat, majority] = [...groups].sort((a, b) => b[1].length - a[1].length)[0]!;
    const example = majority[0]!;

    const reports: Report[] = [];
    for (const [format, group] of groups) {
      if (format === majorityFormat) continue;
      for (const parsed of group) {
        const runsFirst = majority.every((other) => parsed.file.order < other.file.order);
        const runsLast = majority.every((other) => parsed.file.order > other.file.order);
        const position = runsFirst ? '; the runner applies it before all of them' : runsLast ? '; the runner applies it after all of them' : '';
        reports.push({
          message: `Version ${parsed.file.version} is ${formatOf(parsed.file.version!).one}, but ${majority.length} files here use ${majorityFormat} (e.g. ${shortName(example.file.path)})${position}.`,
          file: parsed.file.path,
          line: 1,
          column: 1,
          related: [{ file: example.file.path, line: 1, message: `uses ${majorityFormat}` }],
        });
      }
    }
    return reports;
  },
});
