// Placeholder until the service lands (issue 3).
export function runDemo(_argv: string[]): Promise<number> {
  process.stderr.write('yibao demo: not built yet\n');
  return Promise.resolve(1);
}
