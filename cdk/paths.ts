/** Paths the CDK app resolves against, independent of the working directory. */
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json and functions/). */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
