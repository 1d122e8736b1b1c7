// The one error shape callers see: { error: { code, message, field } } (SERVICE_CONTRACT.md).
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  constructor(status: number, code: string, message: string, field: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
  toJSON(): { error: { code: string; message: string; field: string | null } } {
    return { error: { code: this.code, message: this.message, field: this.field } };
  }
}

export const notFound = (what: string, field: string, id: string): ApiError =>
  new ApiError(404, 'not_found', `${what}不存在: ${id}`, field);

/** The engine's CalcInputError, recognised by shape so this module needs no runtime engine import. */
export interface CalcInputErrorLike {
  name: 'CalcInputError';
  code: string;
  field: string;
  message: string;
}

export function isCalcInputError(err: unknown): err is CalcInputErrorLike {
  return (
    err instanceof Error &&
    err.name === 'CalcInputError' &&
    typeof (err as { code?: unknown }).code === 'string' &&
    typeof (err as { field?: unknown }).field === 'string'
  );
}
