/**
 * Before a test, record or nightly run of a project whose DSP crate `init` wrote (wasm.engine in
 * wavecraft.config.json): the crate must still be what the engine asks for. The chain needs no check
 * (the crate compiles the engine's own lib.rs, so a processor added, dropped or renamed there is
 * built); the manifest does (another Wavecraft tag, a crate the source started to use). A crate
 * that has drifted stops the run, naming each difference and the command that brings it up to date.
 */
import { relative } from 'node:path';
import { harnessRustCrateDir } from './initProject.ts';
import { dspCrateDrift, planPluginDspCrate } from './pluginDspCrate.ts';
import { readWavecraftPluginProject } from './wavecraftPluginProject.ts';

/** The DSP crate no longer matches the engine it was made from. */
export class DspCrateDriftError extends Error {
  override name = 'DspCrateDriftError';
}

/** Checks the crate against the engine at `engineDir`; returns the chain it will build. */
export function checkPluginDspCrate(root: string, engineDir: string): string[] {
  const plugin = readWavecraftPluginProject(root, relative(root, engineDir) || '.');
  const crate = planPluginDspCrate(plugin, harnessRustCrateDir());
  const drift = dspCrateDrift(crate, root);
  if (drift.length > 0)
    throw new DspCrateDriftError(
      `the plugin's DSP crate is out of date with ${relative(root, engineDir) || '.'}/:\n  ${drift.join('\n  ')}\n` +
        'Bring it up to date with:\n    npx wavecraft-harness init --update-crate\n(then record again if the DSP changed on purpose)',
    );
  return plugin.chain;
}
