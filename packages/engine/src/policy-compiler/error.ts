// A broken policy file: names the file, the line, the parameter and the reason.
export class PolicyError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly parameter: string | null;
  readonly reason: string;
  constructor(file: string, line: number | null, parameter: string | null, reason: string) {
    super(
      `${file}${line === null ? '' : `:${line}`}: ${parameter === null ? '' : `${parameter}: `}${reason}`,
    );
    this.name = 'PolicyError';
    this.file = file;
    this.line = line;
    this.parameter = parameter;
    this.reason = reason;
  }
}
