export { MissingApiKeyError } from './missing-api-key-error.js';
export { ModelSpecError } from './model-spec-error.js';
export { UnsupportedSettingError } from './unsupported-setting-error.js';
