import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { longFunctions, longProductFunctions, MAX_FUNCTION_LINES } from './functionLength.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('function length', () => {
  it(`no product function is over ${MAX_FUNCTION_LINES} lines`, () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(longProductFunctions(root, files)).toEqual([]);
  });

  it('finds a long arrow function inside an object, as a chart spec would be', () => {
    const body = Array.from({ length: 81 }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const text = `export const spec = {\n  make: () => {\n${body}\n  },\n};\n`;
    expect(longFunctions('chart.ts', text)).toEqual(['chart.ts:2 83 lines']);
    expect(longFunctions('chart.ts', text, 90)).toEqual([]);
  });
});
