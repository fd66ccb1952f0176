/** The rules library: everything the AI, the UI, the CLI and the server may use. */
export * from './terms';
export * from './parties';
export * from './meters';
export * from './result';
export * from './state';
export * from './level';
export * from './intents';
export * from './hash';
export * from './rng';
export * from './utility';
export * from './rules';
export * from './events';
export * from './outcome';
export * from './game';
export * from './view';
export * from './record';
export { gameMachine } from './machine';
