/**
 * libpg-query reports UTF-8 byte offsets; JavaScript strings index UTF-16 code units. One
 * table converts between them, and one line index turns string indexes into line:column.
 */

export interface Position {
  line: number;
  column: number;
}

export class SourcePositions {
  /** Built on first use: a file read from the parse cache often never needs a position. */
  private tables: { lineStarts: number[]; byteCheckpoints: number[]; indexCheckpoints: number[] } | null = null;

  constructor(readonly text: string) {}

  /** Line starts, and the byte offset and string index just after every non-ASCII character. */
  private build(): NonNullable<SourcePositions['tables']> {
    const { text } = this;
    const lineStarts = [0];
    const byteCheckpoints: number[] = [];
    const indexCheckpoints: number[] = [];
    let bytes = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === 10) lineStarts.push(index + 1);
      if (code < 0x80) {
        bytes += 1;
        continue;
      }
      let width: number;
      let units = 1;
      if (code < 0x800) width = 2;
      else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
        width = 4;
        units = 2;
      } else width = 3;
      bytes += width;
      index += units - 1;
      byteCheckpoints.push(bytes);
      indexCheckpoints.push(index + 1);
    }
    this.tables = { lineStarts, byteCheckpoints, indexCheckpoints };
    return this.tables;
  }

  /** The string index of a UTF-8 byte offset at a character boundary. */
  indexOfByte(byteOffset: number): number {
    const { byteCheckpoints: checkpoints, indexCheckpoints } = this.tables ?? this.build();
    let low = 0;
    let high = checkpoints.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (checkpoints[middle]! <= byteOffset) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found === -1) return byteOffset;
    return indexCheckpoints[found]! + (byteOffset - checkpoints[found]!);
  }

  /** 1-based line and column (in UTF-16 code units, as editors count) of a string index. */
  positionOf(index: number): Position {
    const starts = (this.tables ?? this.build()).lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: index - starts[low]! + 1 };
  }

  positionOfByte(byteOffset: number): Position {
    return this.positionOf(this.indexOfByte(byteOffset));
  }
}
