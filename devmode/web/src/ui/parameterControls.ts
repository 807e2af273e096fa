/**
 * One control per parameter, under its processor as Wavecraft's UI groups them (`<processor>_…`
 * ids under the processor, its gate first; the rest under "Other"): a slider for floats (a skewed
 * range travels by its skew, and says so), a checkbox for bools, a select for enums; values shown
 * in their declared unit. Each control carries `data-testid="param-<id>"`, each processor
 * `data-testid="processor-<id>"`.
 */
import { positionOf, valueAtPosition, type ParameterInfo } from '../../../../contracts/ipc/parameters.ts';
import { groupByProcessor } from '../../../../contracts/ipc/processors.ts';

/** `tone_filter` → "Tone Filter". */
const titleOf = (processorId: string) =>
  processorId
    .split('_')
    .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');

export class ParameterControls {
  private readonly inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly readouts = new Map<string, HTMLElement>();
  private readonly definitions = new Map<string, ParameterInfo>();

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
    this.definitions.clear();
    const { processors, ungrouped } = groupByProcessor(parameters);
    const sections = [
      ...processors.map((p) => ({ id: p.id, title: titleOf(p.id), parameters: p.parameters as ParameterInfo[] })),
      ...(ungrouped.length ? [{ id: '', title: 'Other', parameters: ungrouped as ParameterInfo[] }] : []),
    ];
    for (const section of sections) {
      const fieldset = document.createElement('fieldset');
      fieldset.dataset['testid'] = section.id ? `processor-${section.id}` : 'processor-other';
      const legend = document.createElement('legend');
      legend.textContent = section.title;
      if (section.id) {
        const id = document.createElement('small');
        id.textContent = ` ${section.id}`;
        legend.append(id);
      }
      fieldset.append(legend);
      for (const p of section.parameters)
        fieldset.append(this.control(p, section.id ? '' : p.group ? `${p.group} · ` : ''));
      this.container.append(fieldset);
    }
  }

  private control(p: ParameterInfo, prefix: string): HTMLElement {
    this.definitions.set(p.id, p);
    const label = document.createElement('label');
    label.dataset['testid'] = `param-${p.id}`;
    const title = document.createElement('span');
    title.textContent = `${prefix}${p.name} `;
    const readout = document.createElement('output');
    label.append(title, readout);
    let input: HTMLInputElement | HTMLSelectElement;
    if (p.type === 'enum') {
      input = document.createElement('select');
      (p.variants ?? []).forEach((name, index) => input.append(new Option(name, String(index))));
    } else {
      input = document.createElement('input');
      if (p.type === 'bool') input.type = 'checkbox';
      else if (p.skew !== undefined && p.skew !== 1)
        Object.assign(input, { type: 'range', min: '0', max: '1', step: 'any' });
      else Object.assign(input, { type: 'range', min: String(p.min), max: String(p.max), step: 'any' });
    }
    input.addEventListener('input', () => this.onUserChange(p.id, this.read(p, input)));
    label.append(input);
    if (p.type === 'float' && p.skew !== undefined && p.skew !== 1) {
      const skew = document.createElement('small');
      skew.className = 'skew';
      skew.dataset['testid'] = `skew-${p.id}`;
      skew.textContent = ` skew ${p.skew}`;
      label.append(skew);
    }
    this.inputs.set(p.id, input);
    this.readouts.set(p.id, readout);
    this.show(p.id, p.value, p.unit);
    return label;
  }

  /** Shows a value that came from elsewhere (the dev server). */
  show(id: string, value: number, unit?: string): void {
    const input = this.inputs.get(id);
    const p = this.definitions.get(id);
    if (!input || !p) return;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value >= 0.5;
    else if (input instanceof HTMLInputElement && input.max === '1' && p.skew !== undefined && p.skew !== 1)
      input.value = String(positionOf(p, value));
    else input.value = String(value);
    const readout = this.readouts.get(id)!;
    readout.dataset['value'] = String(value);
    const shown =
      p.type === 'enum' && p.variants ? (p.variants[value] ?? String(value)) : String(Number(value.toPrecision(6)));
    const declared = unit ?? p.unit;
    readout.textContent = declared ? `${shown} ${declared}` : shown;
  }

  private read(p: ParameterInfo, input: HTMLInputElement | HTMLSelectElement): number {
    if (input instanceof HTMLInputElement && input.type === 'checkbox') return input.checked ? 1 : 0;
    if (p.type === 'float' && p.skew !== undefined && p.skew !== 1) return valueAtPosition(p, Number(input.value));
    return Number(input.value);
  }
}
