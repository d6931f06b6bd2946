#!/usr/bin/env node
import { main } from '../dist/cli/cli.js';

// `miglint lint | head`: the reader is gone, so there is nobody left to tell anything.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit();
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
