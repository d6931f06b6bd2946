import { defineRule, shortName } from '../src/rule.js';

/** `YYYYMMDDHHMMSS` names a real instant; a placeholder such as 00000000000000 is deliberate. */
export function timestampProblem(digits: string): string | null {
  if (!/^\d{14}$/.test(digits) || /^\d0+$/.test(digits)) return null;
  const [year, month, day, hour, minute, second] = [0, 4, 6, 8, 10, 12].map((start, i) => Number(digits.slice(start, start + (i === 0 ? 4 : 2))));
  if (month! < 1 || month! > 12) return `month ${digits.slice(4, 6)} does not exist`;
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > daysInMonth) return `day ${digits.slice(6, 8)} does not exist in ${digits.slice(0, 4)}-${digits.slice(4, 6)}`;
  if (hour! > 23) return `hour ${digits.slice(8, 10)} does not exist`;
  if (minute! > 59) return `minute ${digits.slice(10, 12)} does not exist`;
  if (second! > 59) return `second ${digits.slice(12, 14)} does not exist`;
  return null;
}

export default defineRule({
  id: 'invalid-timestamp',
  category: 'naming',
  severity: 'warning',
  description: 'A 14-digit version that is not a real date and time (YYYYMMDDHHMMSS).',
  docs: {
    why: 'Timestamp versions order migrations by when they were written. A typed-by-hand version that is not a real date (month 13, day 45) sorts somewhere arbitrary, often after migrations written later, and tools that parse it as a date fail.',
    fix: 'Rename the file with the real time it was written (`supabase migration new` or `date -u +%Y%m%d%H%M%S`), keeping its place in the order.',
    bad: '20241345000000_create_notifications.sql',
    good: '20241215000000_create_notifications.sql',
  },
  check({ files }) {
    // Diesel's folder names are free-form ordering keys (Lemmy counts in the seconds field); down files repeat their up file's version.
    return files.flatMap((parsed) => {
      if (parsed.file.scheme === 'diesel' || parsed.file.scheme === 'flyway' || parsed.file.direction === 'down') return [];
      const version = parsed.file.version ?? '';
      const problem = timestampProblem(version);
      if (!problem) return [];
      return [{ file: parsed.file.path, line: 1, column: 1, message: `The version of "${shortName(parsed.file.path)}" is not a real timestamp: ${problem}.` }];
    });
  },
});
