export * from './classified-outcome.js';
export * from './provider-model.js';
