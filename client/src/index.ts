export { createBffClient, type BffClient, type BffClientOptions, type BffSessions } from './client.js';
export { BffError, TERMINAL_CODES, isTerminalCode, type ErrorCode, type ErrorEnvelope, type SessionEndedCode, type TerminalCode } from './errors.js';
export { memoryMarks, type ChannelLike, type LockManagerLike, type MarkStore, type TabPrimitives } from './tabs.js';
export type { SessionMark } from './state.js';
export type * from './types.js';
export type { components, operations, paths } from './generated/openapi.js';
