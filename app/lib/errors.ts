// One error type for the whole application: a stable code, an HTTP status and
// a catalog key for the user-facing message. Mapped to HTTP in one place
// (lib/http/problem.server.ts), so features never build responses themselves.
import type { MessageKey, MessageParams } from "./i18n";

export type AppErrorCode =
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "payload_too_large"
  | "csrf"
  | "internal"
  | "unavailable";

const statusByCode: Record<AppErrorCode, number> = {
  validation: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  csrf: 403,
  internal: 500,
  unavailable: 503,
};

const defaultMessage: Record<AppErrorCode, MessageKey> = {
  validation: "error.validation",
  unauthorized: "error.unauthorized",
  forbidden: "error.forbidden",
  not_found: "error.notFound",
  conflict: "error.conflict",
  rate_limited: "error.rateLimited",
  payload_too_large: "error.payloadTooLarge",
  csrf: "error.csrf",
  internal: "error.internal",
  unavailable: "error.unavailable",
};

/** A field error: `path` is the dotted input path, `message` a catalog key. */
export interface FieldError {
  path: string;
  message: MessageKey;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly params?: MessageParams;
  readonly fieldErrors: FieldError[];
  /** Seconds until trying again makes sense (rate limits): sent as Retry-After. */
  readonly retryAfter?: number;

  constructor(
    code: AppErrorCode,
    options: { message?: MessageKey; params?: MessageParams; fieldErrors?: FieldError[]; cause?: unknown; retryAfter?: number } = {},
  ) {
    super(options.message ?? defaultMessage[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = statusByCode[code];
    this.messageKey = options.message ?? defaultMessage[code];
    this.params = options.params;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfter = options.retryAfter;
  }
}

export const notFound = () => new AppError("not_found");
export const forbidden = () => new AppError("forbidden");
export const unauthorized = (message?: MessageKey) => new AppError("unauthorized", { message });
export const validationError = (fieldErrors: FieldError[]) => new AppError("validation", { fieldErrors });
export const fieldError = (path: string, message: MessageKey, params?: MessageParams) => validationError([{ path, message, params }]);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
