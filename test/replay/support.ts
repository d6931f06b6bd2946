/** Replays a folder given as file name -> SQL, for the replay unit tests. */
import { rmSync } from 'node:fs';
import { analyze } from '../../src/analyze.js';
import type { HistoryEvent } from '../../src/replay/index.js';
import { eventText } from '../../src/replay/history.js';
import type { Analysis } from '../../src/lint/engine.js';
import { writeFolder } from '../support/rule-tester.js';

export async function replayFolder(files: Record<string, string>): Promise<Analysis> {
  const dir = writeFolder(files);
  try {
    return await analyze('.', { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** History events as `action objectType name[.member]: message @file:line`, for exact assertions. */
export function describeEvents(history: HistoryEvent[], actions: HistoryEvent['action'][]): string[] {
  return history
    .filter((event) => actions.includes(event.action))
    .map((event) => `${event.action} ${event.objectType} ${event.name}${event.member ? `.${event.member}` : ''}: ${eventText(event)} @${event.origin.path}:${event.origin.line}`);
}
