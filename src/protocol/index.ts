/**
 * The wire protocol between the browser and the classroom server: the room's messages and their
 * schemas, and the tables as the HTTP API describes them. Both sides import it; it depends on the
 * rules' types and zod only. See src/server/PROTOCOL.md.
 */
export * from './messages';
export * from './tables';
