/** Test helper: rewrites a file atomically forever, alternating two large contents, until killed. */
import { writeFileAtomic } from '../writeFileAtomic.ts';

const [file] = process.argv.slice(2);
const contents = ['A', 'B'].map((c) => c.repeat(4 * 1024 * 1024));
process.stdout.write('ready\n');
for (let i = 0; ; i++) await writeFileAtomic(file!, contents[i % 2]!);
