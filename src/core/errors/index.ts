export { CandorError } from './candor-error.js';
export { InputError, formatLocation, type InputLocation } from './input-error.js';
export { NotFoundError } from './not-found-error.js';
export { SchemaOutdatedError } from './schema-outdated-error.js';
export { SchemaTooNewError } from './schema-too-new-error.js';
export { UsageError } from './usage-error.js';
