/** The exit codes every command shares: 0 clean, 1 findings (or a stale baseline), 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
