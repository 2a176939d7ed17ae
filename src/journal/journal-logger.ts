/** The logger the journal writes to (pino-compatible); the default drops everything. */
export interface JournalLogger { info(o: object, m?: string): void; warn(o: object, m?: string): void }

export const NOOP_LOGGER: JournalLogger = { info() {}, warn() {} };
