// Run by action.yml: the Action's logic is src/github-action.ts (built into dist/).
import { runAction } from '../dist/src/github-action.js';

process.exitCode = runAction(process.env, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) });
