/** Entry point of the dev-mode page. */
import { readPageConfig } from './config.ts';
import { DevModeApp } from './devModeApp.ts';
import { ProbeRecorder } from './probe/probeRecorder.ts';

const probe = new ProbeRecorder().install();
const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

try {
  const config = readPageConfig(location.search);
  new DevModeApp(config, probe, {
    source: document.getElementById('source-panel')!,
    meters: document.getElementById('meter-panel')!,
    scope: document.getElementById('scope-panel')!,
    parameters: document.getElementById('parameter-panel')!,
    connection: byTestId('connection-status'),
    dspPath: byTestId('dsp-path'),
    error: byTestId('error'),
  }).start();
} catch (error) {
  const message = `dev-mode page configuration: ${(error as Error).message}`;
  probe.update({ error: message });
  const box = byTestId('error');
  box.hidden = false;
  box.textContent = message;
}
