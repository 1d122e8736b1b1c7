// 领域错误: what the registry's rules can say when they refuse, and nothing about HTTP. A closed
// set of kinds, so the one place that turns them into replies (http/error-handler.ts) can be
// exhaustive and every refusal of one kind leaves with the same status (docs/decisions.md 16).
//
// `code`, `message` and `field` are what the caller reads in { error: { code, message, field } };
// the messages are the agency's Chinese text, kept exactly as the API has always said it.

/** 不存在: the record named by `id` (in `field` of the request) is not kept (then, for a `message` of its own). */
export class NotFound extends Error {
  readonly kind = 'not_found';
  readonly code = 'not_found';
  readonly field: string;
  constructor(
    readonly entity: string, // the record's Chinese name: 参保人, 定点医药机构, 协议 …
    readonly id: string,
    field: string,
    message = `${entity}不存在: ${id}`,
  ) {
    super(message);
    this.name = 'NotFound';
    this.field = field;
  }
}

/** 冲突: the request is well formed but clashes with what the records already say (taken, decided, overlapping). */
export class Conflict extends Error {
  readonly kind = 'conflict';
  readonly field: string | null;
  constructor(
    readonly code: string,
    message: string,
    field: string | null = null,
  ) {
    super(message);
    this.name = 'Conflict';
    this.field = field;
  }
}

/**
 * 规则不允许: a requirement of the catalogue (policy/requirements.yaml) refuses the request. The
 * message is shown as given; by convention it begins with the requirement id ("R-B2: …").
 */
export class RuleRefused extends Error {
  readonly kind = 'rule_refused';
  readonly field: string | null;
  constructor(
    readonly requirementId: string, // R-A6, R-B2 …
    readonly code: string,
    message: string,
    field: string | null = null,
  ) {
    super(message);
    this.name = 'RuleRefused';
    this.field = field;
  }
}

/** 无效: a value the rules cannot accept whatever the records say (a term ending before it starts). */
export class Invalid extends Error {
  readonly kind = 'invalid';
  constructor(
    readonly field: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Invalid';
  }
}

/** 未认证: no credential, or one that does not verify (unknown key, bad signature, stale, replayed). */
export class Unauthenticated extends Error {
  readonly kind = 'unauthenticated';
  readonly field: string | null;
  /** When trying again later may succeed (a locked account): the seconds to wait, sent as Retry-After. */
  retryAfterSeconds: number | null = null;
  constructor(
    readonly code: string,
    message: string,
    field: string | null = null,
  ) {
    super(message);
    this.name = 'Unauthenticated';
    this.field = field;
  }
}

/** 无权限: the caller is known but may not do this (its role, or another institution's record). */
export class Forbidden extends Error {
  readonly kind = 'forbidden';
  readonly field: string | null;
  constructor(
    readonly code: string,
    message: string,
    field: string | null = null,
  ) {
    super(message);
    this.name = 'Forbidden';
    this.field = field;
  }
}

export type DomainError = NotFound | Conflict | RuleRefused | Invalid | Unauthenticated | Forbidden;
export type DomainErrorKind = DomainError['kind'];

export function isDomainError(err: unknown): err is DomainError {
  return (
    err instanceof NotFound ||
    err instanceof Conflict ||
    err instanceof RuleRefused ||
    err instanceof Invalid ||
    err instanceof Unauthenticated ||
    err instanceof Forbidden
  );
}
