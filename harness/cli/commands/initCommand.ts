/**
 * `wavecraft-harness init`: a plugin project's first suite, from its build's schema
 * (harness/init/initProject.ts); without --wasm, in a `wavecraft create` project, its WASM build first.
 */
import { initProject } from '../../init/initProject.ts';
import { defineCommand } from '../commandDefinition.ts';

export const initCommand = defineCommand({
  name: 'init',
  summary:
    'scaffold wavecraft.config.json, scenarios/ (one per parameter, every step rendered first and moving the output), goldens/, fixtures/; without --wasm, in a plugin made by `wavecraft create`, first write and build its DSP crate (engine-wasm/) for wasm32; --update-crate only brings that crate up to date with the engine',
  options: {
    wasm: { type: 'string', placeholder: 'build.wasm' },
    dir: { type: 'string', placeholder: '.', default: '.' },
    build: { type: 'string', placeholder: '"cmd"' },
    engine: { type: 'string', placeholder: 'engine' },
    'update-crate': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
  async run({ values, log }) {
    const { wasm, dir, build, engine, force } = values;
    await initProject(
      {
        dir,
        force,
        updateCrate: values['update-crate'],
        ...(wasm ? { wasm } : {}),
        ...(build ? { build } : {}),
        ...(engine ? { engine } : {}),
      },
      log,
    );
    return 0;
  },
});
