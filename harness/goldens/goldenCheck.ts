/** What a golden check reports: its problems, the change table's rows, what it left unchanged and wrote. */

/** One row of the record run's change table. */
export interface GoldenChange {
  golden: string;
  what: string;
  old: string;
  new: string;
}

export interface GoldenCheck {
  problems: string[];
  changes: GoldenChange[];
  unchanged: number;
  written: string[];
}
