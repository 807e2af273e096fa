/**
 * What the harness runs against and where its files are. With nothing set it runs this repo's
 * own suite against the embedded reference stack. A plugin project points it at its config file
 * (WAVECRAFT_CONFIG, set by the `wavecraft-harness` CLI); environment variables override the file.
 *
 * - WAVECRAFT_CONFIG          a plugin project's wavecraft.config.json (see projectConfig.ts)
 * - WAVECRAFT_DEV_SERVER_URL  ws:// URL of a running dev server (default: start the embedded one)
 * - WAVECRAFT_PAGE_URL        http(s):// URL of a dev-mode page with the probe (default: the embedded page)
 * - WAVECRAFT_FIXTURES_DIR    extra folder searched first for input WAVs
 * - WAVECRAFT_WASM            WASM DSP build (ABI v1) for the embedded stack (default: the config's, else the reference
 * DSP)
 * - CHROMIUM_PATH             Chromium executable (see findChromium)
 * - WAVECRAFT_FAULT           a fault from contracts/faults injected around the DSP (selfcheck)
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAULT_IDS, isFaultId, type FaultId } from '../../contracts/faults/faultCatalogue.ts';
import { loadProjectConfig, type ProjectConfig } from './projectConfig.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface HarnessConfig {
  devServerUrl: string | null;
  pageUrl: string | null;
  /** WASM DSP build for the embedded stack; null = the reference DSP. */
  wasmPath: string | null;
  /** Folders searched for input WAVs, in order. The last one holds the standard fixtures. */
  fixturesDirs: string[];
  /** Where the standard fixtures are generated. */
  standardFixturesDir: string;
  scenariosDir: string;
  goldensDir: string;
  reportsDir: string;
  /** Tolerances that replace the scenario defaults (a scenario's own still win). */
  tolerances: { levelDb?: number; offlineSnrDb?: number };
  /** Every live reading must repeat from take to take (the project's `strict`; a scenario's own wins). */
  strict: boolean;
  /** Extra browser origins the embedded dev server accepts. */
  allowedOrigins: string[];
  /** The plugin project's config, when the harness runs a project's suite. */
  project: ProjectConfig | null;
  /** A fault injected around the DSP in the embedded page (WAVECRAFT_FAULT, set by selfcheck). */
  fault: FaultId | null;
}

export function readHarnessConfig(env: NodeJS.ProcessEnv = process.env): HarnessConfig {
  const problems: string[] = [];
  const url = (name: string, protocols: string[], fallback: string | null): string | null => {
    const value = env[name] || fallback;
    if (!value) return null;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) problems.push(`${name}="${value}" must use ${protocols.join(' or ')}`);
    } catch {
      problems.push(`${name}="${value}" is not a URL`);
    }
    return value;
  };
  const fault = env['WAVECRAFT_FAULT'] || null;
  if (fault !== null && !isFaultId(fault))
    problems.push(`WAVECRAFT_FAULT="${fault}" is not in the fault catalogue (${FAULT_IDS.join(', ')})`);
  const project = env['WAVECRAFT_CONFIG'] ? loadProjectConfig(resolve(env['WAVECRAFT_CONFIG'])) : null;
  const standardFixturesDir = project ? join(project.cacheDir, 'fixtures') : join(REPO_ROOT, 'fixtures', 'generated');
  const extraFixtures = env['WAVECRAFT_FIXTURES_DIR'] ? [resolve(env['WAVECRAFT_FIXTURES_DIR'])] : [];
  const config: HarnessConfig = {
    devServerUrl: url('WAVECRAFT_DEV_SERVER_URL', ['ws:', 'wss:'], project?.devServerUrl ?? null),
    pageUrl: url('WAVECRAFT_PAGE_URL', ['http:', 'https:'], project?.pageUrl ?? null),
    wasmPath: env['WAVECRAFT_WASM'] ? resolve(env['WAVECRAFT_WASM']) : (project?.wasmPath ?? null),
    fixturesDirs: project
      ? [...extraFixtures, project.fixturesDir, standardFixturesDir]
      : [...extraFixtures, join(REPO_ROOT, 'fixtures', 'wav'), standardFixturesDir],
    standardFixturesDir,
    scenariosDir: project?.scenariosDir ?? join(REPO_ROOT, 'fixtures', 'scenarios'),
    goldensDir: project?.goldensDir ?? join(REPO_ROOT, 'goldens'),
    reportsDir: project?.reportsDir ?? join(REPO_ROOT, 'reports'),
    tolerances: project?.tolerances ?? {},
    strict: project?.strict ?? false,
    allowedOrigins: project?.allowedOrigins ?? [],
    project,
    fault: fault as FaultId | null,
  };
  if (problems.length > 0) throw new Error(`harness configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
