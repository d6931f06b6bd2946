/** An error the user can fix: printed as a message (never a stack trace), exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
