import { fileURLToPath } from 'node:url';

/**
 * data/builtin/ of the package. Resolved from this module, so it works from src/datasets/builtin
 * (tests, tsx) and from dist/datasets/builtin (the published package ships data/ next to dist/).
 */
export const BUILTIN_DATA_DIRECTORY: string = fileURLToPath(new URL('../../../data/builtin/', import.meta.url));
