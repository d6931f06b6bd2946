/** One file per output format; add a format by adding a file and a line here. */
import type { Formatter } from './types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown, MARKDOWN_LINK_BASE_ENV } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { Formatter, FormatOptions } from './types.js';

const BY_NAME = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: (result, options) => formatMarkdown(result, { cwd: options.cwd, linkBase: process.env[MARKDOWN_LINK_BASE_ENV] }),
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof BY_NAME;
/** Typed as the common signature, so every formatter is called the same way. */
export const FORMATTERS: Record<FormatName, Formatter> = BY_NAME;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
