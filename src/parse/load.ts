import { loadModule } from 'libpg-query';

let loading: Promise<void> | null = null;

/** Loads the WASM parser once per process; every parse call after it is synchronous. */
export function loadParser(): Promise<void> {
  loading ??= loadModule();
  return loading;
}
