/** `--verbose`: which layout and preset a command chose for the folder, and why. */
import type { Output } from '../output.js';
import { toDisplayPath, type Discovery } from '../discover/index.js';
import { detectPreset, type Preset } from '../presets.js';

export function choiceLine(discovery: Discovery, configuredPreset: Preset | undefined, cwd: string): string {
  const { preset, reason } = detectPreset(discovery.layout, configuredPreset, discovery.files.map((file) => file.source));
  const replayed = discovery.files.filter((file) => file.replayed).length;
  const unplaced = discovery.unplaced.length > 0 ? `, ${discovery.unplaced.length} .sql not applied by this layout` : '';
  return `miglint: ${toDisplayPath(cwd, discovery.dir) || '.'}: layout ${discovery.layout} (${discovery.layoutReason}); preset ${preset} (${reason}); ${replayed} files replayed${unplaced}\n`;
}

export function reportChoice(verbose: boolean | undefined, discovery: Discovery, configuredPreset: Preset | undefined, cwd: string, output: Output): void {
  if (verbose) output.stderr(choiceLine(discovery, configuredPreset, cwd));
}
