/** The first line of every baseline miglint writes; discovery skips files that start with it. */
export const BASELINE_MARKER = '-- miglint:baseline';

/** True when the text is a baseline miglint wrote (its first line is the marker). */
export function isMiglintBaseline(source: string | null): boolean {
  return source !== null && source.replace(/^\uFEFF/, '').split('\n', 1)[0]!.trimEnd() === BASELINE_MARKER;
}
