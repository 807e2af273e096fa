/**
 * Peak and RMS in dBFS per channel, before and after the DSP. Each row carries its exact
 * values in data attributes for tests to read: `data-peak-db`, `data-rms-db`, and the audio-clock
 * span the reading covers, `data-frame` (first frame) and `data-frames` (length).
 */
import { linearToDb } from '../../../../contracts/meters/decibels.ts';
import type { MeterReading } from '../meterAggregator.ts';

const FLOOR_DB = -90;

export class MeterDisplay {
  private readonly rows = new Map<
    string,
    { row: HTMLElement; bar: HTMLElement; peak: HTMLElement; rms: HTMLElement }
  >();

  constructor(container: HTMLElement) {
    container.innerHTML = '<h2>Meters</h2>';
    for (const stage of ['output', 'input'] as const) {
      for (const channel of ['left', 'right'] as const) {
        const row = document.createElement('div');
        row.className = 'meter-row';
        row.dataset['testid'] = `meter-${stage}-${channel}`;
        row.innerHTML = `<span>${stage} ${channel === 'left' ? 'L' : 'R'}</span><div class="meter-bar"><div></div></div><span class="peak">-inf</span><span class="rms">-inf</span>`;
        container.append(row);
        this.rows.set(`${stage}-${channel}`, {
          row,
          bar: row.querySelector('.meter-bar > div')!,
          peak: row.querySelector('.peak')!,
          rms: row.querySelector('.rms')!,
        });
      }
    }
  }

  show(reading: MeterReading): void {
    this.showRow('output-left', reading.outputPeak[0], reading.outputRms[0], reading);
    this.showRow('output-right', reading.outputPeak[1], reading.outputRms[1], reading);
    this.showRow('input-left', reading.inputPeak[0], reading.inputRms[0], reading);
    this.showRow('input-right', reading.inputPeak[1], reading.inputRms[1], reading);
  }

  private showRow(key: string, peak: number, rms: number, span: { frame: number; frames: number }): void {
    const row = this.rows.get(key)!;
    const peakDb = linearToDb(peak);
    const rmsDb = linearToDb(rms);
    row.row.dataset['peakDb'] = String(peakDb);
    row.row.dataset['rmsDb'] = String(rmsDb);
    row.row.dataset['frame'] = String(span.frame);
    row.row.dataset['frames'] = String(span.frames);
    row.peak.textContent = format(peakDb);
    row.rms.textContent = format(rmsDb);
    const fraction = Math.max(0, Math.min(1, (Math.max(peakDb, FLOOR_DB) - FLOOR_DB) / -FLOOR_DB));
    row.bar.style.width = `${(fraction * 100).toFixed(1)}%`;
  }
}

function format(db: number): string {
  return db === -Infinity ? '-inf' : `${db.toFixed(1)} dBFS`;
}
