/** What the transport logs through (pino's Logger fits). Lines carry `node` and `peer` ids. */
export interface TransportLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
