/**
 * A syntax tree's JSON text without its positions: the same for the same SQL however it is
 * spaced or commented, and cheap (JSON.stringify without a replacer stays on its fast path;
 * the positions are cut from the text instead).
 */
const POSITIONS = /"(?:stmt_location|location|stmt_len)":-?\d+,?/g;

export function treeText(node: unknown): string {
  return (JSON.stringify(node) ?? '').replace(POSITIONS, '');
}
