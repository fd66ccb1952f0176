/** The classroom server: one port for the game, the HTTP API and the tables' WebSockets. */
export { createClassroomServer, type ClassroomServer } from './server';
export type { ClassroomOptions } from './config';
export { lanAddresses } from './lan';
export * from '../protocol';
