// One ndjson line through the engine: the result, or the error object of CALC_CONTRACT.md, as JSON.
import { calculate, CalcInputError } from '@yibao/engine';
import type { PolicyBook } from '@yibao/engine';

export type ErrorBody = { error: { code: string; message: string; field: string } };

export function errorBody(err: unknown): ErrorBody {
  if (err instanceof CalcInputError) return err.toJSON();
  if (err instanceof SyntaxError) {
    return {
      error: {
        code: 'invalid_json',
        message: `请求不是有效的 JSON (malformed JSON): ${err.message}`,
        field: 'request',
      },
    };
  }
  throw err;
}

export function calcLine(book: PolicyBook, text: string): string {
  try {
    return JSON.stringify(calculate(book, JSON.parse(text)));
  } catch (err) {
    return JSON.stringify(errorBody(err));
  }
}

/** Answers every non-blank line of a block of text, one output line each. */
export function calcBlock(book: PolicyBook, block: string): string {
  let out = '';
  let start = 0;
  while (start < block.length) {
    let nl = block.indexOf('\n', start);
    if (nl === -1) nl = block.length;
    const line = block.slice(start, nl);
    start = nl + 1;
    if (line.trim() !== '') out += calcLine(book, line) + '\n';
  }
  return out;
}
