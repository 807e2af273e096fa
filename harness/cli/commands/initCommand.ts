/** `wavecraft-harness init`: a plugin project's first suite, from its build's schema (harness/init/initProject.ts). */
import { initProject } from '../../init/initProject.ts';
import { defineCommand } from '../commandDefinition.ts';

export const initCommand = defineCommand({
  name: 'init',
  summary:
    'scaffold wavecraft.config.json, scenarios/ (one per parameter, every step rendered first and moving the output), goldens/, fixtures/',
  options: {
    wasm: { type: 'string', placeholder: 'build.wasm', required: true },
    dir: { type: 'string', placeholder: '.', default: '.' },
    build: { type: 'string', placeholder: '"cmd"' },
    force: { type: 'boolean', default: false },
  },
  async run({ values, log }) {
    const { wasm, dir, build, force } = values;
    await initProject({ wasm: wasm!, dir, force, ...(build ? { build } : {}) }, log);
    return 0;
  },
});
