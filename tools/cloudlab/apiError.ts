// An answer the cloud gives instead of a result: the HTTP status, the error code the provider's
// code matches on (IsExpectedErrors, NotFoundError), and a message.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** What the emulator does not implement: a 4xx with a code no real API uses, never a 5xx, which the
 * provider would retry for minutes (NeedRetry in terraform-provider-alicloud alicloud/errors.go). */
export function unsupported(what: string): ApiError {
  return new ApiError("CloudLab.Unsupported", `the Alibaba Cloud emulator does not implement ${what}`, 400);
}

export const notFound = (code: string, message: string): ApiError => new ApiError(code, message, 404);
