/** PostgreSQL's algorithm for the names it chooses (indexcmds.c, namespace.c): constraints, indexes, statistics. */

/** The longest name PostgreSQL keeps, in bytes (NAMEDATALEN - 1). */
const NAMEDATALEN = 63;

/** The first `length` bytes of a name, backed off to a whole character (pg_mbcliplen). */
function clipBytes(bytes: Buffer, length: number): string {
  let end = Math.min(length, bytes.length);
  while (end > 0 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString();
}

/**
 * PostgreSQL's makeObjectName: `<name1>_<name2>_<label>` in at most 63 bytes, taking a byte at a
 * time from the longer of the two names (from name2 on a tie), then cutting each at a character
 * boundary; the label is always kept whole.
 */
export function makeObjectName(name1: string, name2: string | null, label: string): string {
  const whole = name2 === null ? `${name1}_${label}` : `${name1}_${name2}_${label}`;
  if (Buffer.byteLength(whole) <= NAMEDATALEN) return whole;
  const first = Buffer.from(name1);
  const second = name2 === null ? null : Buffer.from(name2);
  const available = NAMEDATALEN - (second ? 1 : 0) - (Buffer.byteLength(label) + 1);
  let firstLength = first.length;
  let secondLength = second?.length ?? 0;
  while (firstLength + secondLength > available) {
    if (firstLength > secondLength) firstLength--;
    else secondLength--;
  }
  return [clipBytes(first, firstLength), ...(second ? [clipBytes(second, secondLength)] : []), label].join('_');
}

/**
 * PostgreSQL's ChooseRelationName and ChooseConstraintName: makeObjectName with the columns
 * joined by `_` (ChooseIndexNameAddition), then `label1`, `label2`... until the name is free.
 */
export function chooseName(table: string, columns: string[], suffix: string, taken: (name: string) => boolean): string {
  const joined = columns.join('_');
  const addition = columns.length ? (Buffer.byteLength(joined) <= NAMEDATALEN ? joined : clipBytes(Buffer.from(joined), NAMEDATALEN)) : null;
  for (let attempt = 0; ; attempt++) {
    const name = makeObjectName(table, addition, attempt === 0 ? suffix : `${suffix}${attempt}`);
    if (!taken(name)) return name;
  }
}

/** Index column names as ChooseIndexColumnNames gives them: a repeated name gets 1, 2, ... appended. */
export function distinctColumnNames(names: string[]): string[] {
  const result: string[] = [];
  for (const name of names) {
    let candidate = name;
    for (let attempt = 1; result.includes(candidate); attempt++) {
      const digits = String(attempt);
      candidate = `${clipBytes(Buffer.from(name), NAMEDATALEN - digits.length)}${digits}`;
    }
    result.push(candidate);
  }
  return result;
}
