/**
 * The files `init` makes name their JSON Schema, and that schema (the file in schemas/, written
 * from the format's one declaration) checks them as the harness does.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../config/projectConfig.ts';
import { loadScenarios, parseScenario } from '../scenarios/loadScenarios.ts';
import { initProject } from './initProject.ts';

const referenceWasm = fileURLToPath(new URL('../../devmode/dsp/build/reference.wasm', import.meta.url));
const schemaOf = (file: string) => {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { $schema: string };
  return { json, schema: JSON.parse(readFileSync(resolve(dirname(file), json.$schema), 'utf8')) as object };
};

describe('the JSON Schemas of the files init makes', () => {
  it('init writes $schema into the config and every scenario; each schema accepts its file and refuses a wrong value as the harness does', async () => {
    const project = join(mkdtempSync(join(tmpdir(), 'file-schemas-')), 'project');
    await initProject({ wasm: referenceWasm, dir: project, force: false }, () => {});
    let ajv = new Ajv({ allErrors: true, strict: false });

    const config = schemaOf(join(project, 'wavecraft.config.json'));
    expect(config.json.$schema).toMatch(/schemas\/wavecraft\.config\.schema\.json$/);
    expect(ajv.validate(config.schema, config.json), JSON.stringify(ajv.errors)).toBe(true);
    expect(loadProjectConfig(join(project, 'wavecraft.config.json')).wasmPath).toBe(referenceWasm);

    const files = readdirSync(join(project, 'scenarios'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) {
      const file = join(project, 'scenarios', name);
      const { json, schema } = schemaOf(file);
      ajv = new Ajv({ allErrors: true, strict: false });
      expect(json.$schema).toMatch(/^\.\.\/.*schemas\/scenario\.schema\.json$/);
      expect(ajv.validate(schema, json), `${name}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      const wrong = { ...json, steps: [{ set: { x: 1 }, holdSeconds: 'long' }] };
      expect(ajv.validate(schema, wrong), `${name} with a wrong holdSeconds`).toBe(false);
      expect(ajv.errors!.map((e) => e.instancePath)).toContain('/steps/0/holdSeconds');
      expect(parseScenario(file, JSON.stringify(wrong)).problems).toEqual([
        `${file}: /steps/0/holdSeconds must be number`,
      ]);
    }
    expect(loadScenarios(join(project, 'scenarios')).length).toBe(files.length);
  });
});
