import type { LintResult } from '../lint/engine.js';

export interface FormatOptions {
  color: boolean;
  /** The folder finding paths are relative to (default: the process's working directory). */
  cwd?: string;
}

export type Formatter = (result: LintResult, options: FormatOptions) => string;
