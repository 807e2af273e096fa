/** The shape of a validator check, what it is given, and what it reports. */
import type { CheckId } from './checkIds.ts';
import type { DspUnderTest } from './dspUnderTest.ts';
import type { GeneratorGate } from './generatorGates.ts';
import type { ProblemCount } from './problems.ts';
import type { WorstCase } from './worstCase.ts';
import type { Random } from '../signals/random.ts';
import type { ValidateOptions } from './validatorOptions.ts';

export interface CheckContext {
  subject: DspUnderTest;
  /** A Chromium executable (found, or installed by set-up), for the checks that open a page. */
  chromium: () => Promise<string>;
  options: ValidateOptions;
  /** This check's own seeded generator. */
  random: Random;
  /** The sample rates the DSP accepted (from the sample-rates check). */
  rates: number[];
  /** The bool parameters that switch a generator on (found once, after the sample rates). */
  gates: GeneratorGate[];
}

export interface CheckOutcome {
  status: 'pass' | 'fail' | 'skip';
  summary: string;
  worst?: WorstCase;
  /** Every kind of problem found, worst first, with counts (checks that collect them). */
  problems?: ProblemCount[];
  /** Figures a check measured that others read (the cost check's `nsPerFrame@128` for the nightly). */
  measurements?: Record<string, number>;
}

export interface ValidatorCheck<Id extends CheckId = CheckId> {
  id: Id;
  title: string;
  /** One line: what it checks and why. */
  explanation: string;
  minStrictness: number;
  /**
   * When it runs, whatever its place in the report: `first` (it provides the sample rates the others
   * run at), `last` (it watches every call the others made), or with the rest (default).
   */
  runs?: 'first' | 'last';
  /** It runs even when --only or --skip leave it out (the others need what it provides). */
  required?: boolean;
  run(context: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}
