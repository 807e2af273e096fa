/** The audio source selector: none, test tone (frequency, level), microphone, or a file. */
import type { SourceKind, ToneSettings } from '../audio/audioSources.ts';

export interface SourceChoice {
  kind: SourceKind;
  tone: ToneSettings;
  file: File | null;
}

export class SourceSelector {
  private readonly select: HTMLSelectElement;
  private readonly frequency: HTMLInputElement;
  private readonly level: HTMLInputElement;
  private readonly fileInput: HTMLInputElement;

  constructor(container: HTMLElement, onChange: (choice: SourceChoice) => void) {
    container.innerHTML = `
      <h2>Audio source</h2>
      <label>Source
        <select data-testid="source-select">
          <option value="none">None</option>
          <option value="tone">Test tone</option>
          <option value="mic">Microphone</option>
          <option value="file">File</option>
        </select>
      </label>
      <label>Tone frequency (Hz) <input data-testid="tone-frequency" type="number" min="1" max="24000" value="1000" /></label>
      <label>Tone level (dBFS) <input data-testid="tone-level" type="number" min="-120" max="0" step="0.1" value="-6" /></label>
      <label>File <input data-testid="source-file" type="file" accept="audio/*" /></label>`;
    this.select = container.querySelector('select')!;
    this.frequency = container.querySelector('[data-testid=tone-frequency]')!;
    this.level = container.querySelector('[data-testid=tone-level]')!;
    this.fileInput = container.querySelector('[data-testid=source-file]')!;
    const fire = () => onChange(this.choice());
    this.select.addEventListener('change', fire);
    this.frequency.addEventListener('change', fire);
    this.level.addEventListener('change', fire);
    this.fileInput.addEventListener('change', () => {
      if (this.fileInput.files?.length) this.select.value = 'file';
      fire();
    });
  }

  set(kind: SourceKind): void {
    this.select.value = kind;
  }

  choice(): SourceChoice {
    return {
      kind: this.select.value as SourceKind,
      tone: { frequencyHz: Number(this.frequency.value), levelDb: Number(this.level.value) },
      file: this.fileInput.files?.[0] ?? null,
    };
  }
}
