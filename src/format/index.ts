/**
 * One file per output format; add a format by adding a file and a line here. Each is loaded
 * when asked for: SARIF and Markdown read every rule's docs, which a JSON report does not need.
 */
import type { Formatter } from './types.js';

export type { Formatter, FormatOptions } from './types.js';

const LOADERS = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  github: async () => (await import('./github.js')).formatGithub,
  markdown: async () => {
    const { formatMarkdown, MARKDOWN_LINK_BASE_ENV } = await import('./markdown.js');
    return (result, options) => formatMarkdown(result, { cwd: options.cwd, linkBase: process.env[MARKDOWN_LINK_BASE_ENV] });
  },
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof LOADERS;
export const FORMAT_NAMES = Object.keys(LOADERS) as FormatName[];

/** The formatter of a format, typed as the common signature so that every one is called the same way. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return LOADERS[name]();
}
