/** One control per parameter, grouped; a slider for floats, a checkbox for bools, a select for enums. */
import type { ParameterInfo } from '../../../../contracts/ipc/parameters.ts';

export class ParameterControls {
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly readouts = new Map<string, HTMLElement>();

  constructor(
    private readonly container: HTMLElement,
    private readonly onUserChange: (id: string, value: number) => void,
  ) {
    container.innerHTML = '<h2>Parameters</h2><p>Waiting for the dev server…</p>';
  }

  render(parameters: ParameterInfo[]): void {
    this.container.innerHTML = '<h2>Parameters</h2>';
    this.inputs.clear();
    this.readouts.clear();
    for (const p of parameters) {
      const label = document.createElement('label');
      label.dataset['testid'] = `param-${p.id}`;
      const title = document.createElement('span');
      title.textContent = `${p.group ? `${p.group} · ` : ''}${p.name} `;
      const readout = document.createElement('output');
      label.append(title, readout);
      let input: HTMLInputElement | HTMLSelectElement;
      if (p.type === 'enum') {
        input = document.createElement('select');
        (p.variants ?? []).forEach((name, index) => input.append(new Option(name, String(index))));
      } else {
        input = document.createElement('input');
        if (p.type === 'bool') input.type = 'checkbox';
        else Object.assign(input, { type: 'range', min: String(p.min), max: String(p.max), step: 'any' });
      }
      input.addEventListener('input', () => this.onUserChange(p.id, this.read(input)));
      label.append(input);
      this.container.append(label);
      this.inputs.set(p.id, input);
      this.readouts.set(p.id, readout);
      this.show(p.id, p.value, p.unit);
    }
  }

  /** Shows a value that came from elsewhere (the dev server). */
  show(id: string, value: number, unit?: string): void {
    const input = this.inputs.get(id);
    if (!input) return;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value >= 0.5;
    else input.value = String(value);
    const readout = this.readouts.get(id)!;
    readout.dataset['value'] = String(value);
    readout.textContent = unit ? `${value} ${unit}` : String(value);
  }

  private read(input: HTMLInputElement | HTMLSelectElement): number {
    if (input instanceof HTMLInputElement && input.type === 'checkbox') return input.checked ? 1 : 0;
    return Number(input.value);
  }
}
