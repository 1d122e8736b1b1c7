// Placeholder until the service lands (issue 3).
export function runServe(_argv: string[]): Promise<number> {
  process.stderr.write('yibao serve: not built yet\n');
  return Promise.resolve(1);
}
