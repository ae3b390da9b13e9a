export { MOCK_FAULTS, isMockFault, type MockFault, type MockFaultRule } from './mock-fault.js';
export type { MockAnswer, MockLatency, MockRateLimit, MockServerOptions } from './mock-server-options.js';
export type { MockServerStats } from './mock-server-stats.js';
export { startMockServer, type MockServer } from './start-mock-server.js';
export { parseFaultSpec } from './parse-fault-spec.js';
export { maxInRollingWindow } from './max-in-rolling-window.js';
export { createRollingWindowLimiter, type LimitDecision, type RollingWindowLimiter } from './rolling-window-limiter.js';
