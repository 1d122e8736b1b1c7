// The baseline for `yibao calc --ndjson`: the same streaming loop doing only JSON.parse and
// JSON.stringify of each line — what any ndjson tool must pay before computing anything.
let pending = '';
const write = (s) =>
  process.stdout.write(s) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve));
for await (const chunk of process.stdin) {
  pending += chunk.toString('utf8');
  let start = 0;
  let batch = '';
  for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
    const line = pending.slice(start, nl);
    start = nl + 1;
    if (line.trim() !== '') batch += JSON.stringify(JSON.parse(line)) + '\n';
  }
  pending = pending.slice(start);
  if (batch) await write(batch);
}
