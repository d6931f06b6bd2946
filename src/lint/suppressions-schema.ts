/** The shape of `miglint-suppressions.json` (its own module: the validator loads only when the file exists). */
import { z } from 'zod';

export const SUPPRESSIONS = z.record(z.string(), z.record(z.string(), z.object({ count: z.number().int().positive() }).strict()));

/** File (relative to the suppressions file's folder, `/`-separated) -> rule id -> accepted findings. */
export type Suppressions = z.infer<typeof SUPPRESSIONS>;
