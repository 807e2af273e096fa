/**
 * A PNG plot of meter traces, golden against actual: RMS in dBFS over time, per channel.
 * Golden in grey, actual left in blue and right in orange; grid every 10 dB and every second,
 * labelled in a tiny built-in font. Written with pngjs.
 */
import { PNG } from 'pngjs';

export interface PlotSeries {
  /** Seconds for each point. */
  seconds: number[];
  /** dBFS per channel. */
  db: [number[], number[]];
}

type Rgb = [number, number, number];

const WIDTH = 900;
const HEIGHT = 420;
const MARGIN = { left: 44, right: 12, top: 12, bottom: 28 };
const FLOOR_DB = -150;
const COLORS: { golden: Rgb; left: Rgb; right: Rgb; grid: Rgb; axis: Rgb; text: Rgb } = {
  golden: [150, 150, 150],
  left: [30, 110, 230],
  right: [240, 130, 20],
  grid: [228, 228, 228],
  axis: [90, 90, 90],
  text: [40, 40, 40],
};

// 3×5 glyphs, rows top to bottom, 3 bits each.
const GLYPHS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7], '1': [2, 6, 2, 2, 7], '2': [7, 1, 7, 4, 7], '3': [7, 1, 7, 1, 7], '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7], '6': [7, 4, 7, 5, 7], '7': [7, 1, 1, 1, 1], '8': [7, 5, 7, 5, 7], '9': [7, 5, 7, 1, 7],
  '-': [0, 0, 7, 0, 0], '.': [0, 0, 0, 0, 2], s: [0, 3, 6, 3, 6], d: [1, 1, 7, 5, 7], B: [6, 5, 6, 5, 6], ' ': [0, 0, 0, 0, 0],
};

export function plotTraces(golden: PlotSeries | null, actual: PlotSeries): Buffer {
  const png = new PNG({ width: WIDTH, height: HEIGHT });
  png.data.fill(255);
  const set = (x: number, y: number, [r, g, b]: Rgb) => {
    if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT) return;
    const i = (Math.round(y) * WIDTH + Math.round(x)) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = 255;
  };
  const line = (x0: number, y0: number, x1: number, y1: number, color: Rgb) => {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let s = 0; s <= steps; s++) set(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, color);
  };
  const text = (x: number, y: number, value: string, color: Rgb) => {
    [...value].forEach((ch, k) => {
      (GLYPHS[ch] ?? GLYPHS[' ']!).forEach((row, r) => {
        for (let c = 0; c < 3; c++) if (row & (4 >> c)) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) set(x + k * 8 + c * 2 + dx, y + r * 2 + dy, color);
      });
    });
  };
  const all = [...(golden ? golden.seconds : []), ...actual.seconds];
  const maxSeconds = Math.max(0.1, ...all);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  // The dB range: the data's, padded to whole 10 dB, at least 20 dB tall.
  const values = [...(golden ? golden.db.flat() : []), ...actual.db.flat()].filter(Number.isFinite).map((v) => Math.max(FLOOR_DB, v));
  const top = Math.min(0, Math.ceil((Math.max(...values, -140) + 5) / 10) * 10);
  const bottom = Math.min(top - 20, Math.floor((Math.min(...values, top) - 5) / 10) * 10);
  const x = (s: number) => MARGIN.left + (s / maxSeconds) * plotW;
  const y = (db: number) => MARGIN.top + ((top - Math.min(top, Math.max(bottom, db))) / (top - bottom)) * plotH;
  const gridStep = top - bottom > 60 ? 20 : top - bottom > 30 ? 10 : 5;
  for (let db = top; db >= bottom; db -= gridStep) {
    line(MARGIN.left, y(db), WIDTH - MARGIN.right, y(db), COLORS.grid);
    text(4, y(db) - 5, String(db), COLORS.text);
  }
  for (let s = 0; s <= maxSeconds; s += maxSeconds > 5 ? 1 : 0.5) {
    line(x(s), MARGIN.top, x(s), HEIGHT - MARGIN.bottom, COLORS.grid);
    text(x(s) - 8, HEIGHT - MARGIN.bottom + 8, `${s}s`, COLORS.text);
  }
  line(MARGIN.left, MARGIN.top, MARGIN.left, HEIGHT - MARGIN.bottom, COLORS.axis);
  line(MARGIN.left, HEIGHT - MARGIN.bottom, WIDTH - MARGIN.right, HEIGHT - MARGIN.bottom, COLORS.axis);
  const draw = (series: PlotSeries, ch: 0 | 1, color: Rgb) => {
    for (let i = 1; i < series.seconds.length; i++) {
      line(x(series.seconds[i - 1]!), y(series.db[ch][i - 1]!), x(series.seconds[i]!), y(series.db[ch][i]!), color);
    }
  };
  if (golden) {
    draw(golden, 0, COLORS.golden);
    draw(golden, 1, COLORS.golden);
  }
  draw(actual, 0, COLORS.left);
  draw(actual, 1, COLORS.right);
  return PNG.sync.write(png);
}
