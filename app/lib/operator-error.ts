// A start-up or maintenance failure the operator can fix (a folder in use, a
// database that does not answer, a missing setting). server.mjs and the
// scripts print `operatorMessage` on its own, without a stack trace.
export class OperatorError extends Error {
  readonly operatorMessage: string;
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = new.target.name;
    this.operatorMessage = message;
  }
}
