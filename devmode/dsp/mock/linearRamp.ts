/**
 * A value that moves linearly to a new target over a fixed number of frames.
 * Frame k (1..N) of a ramp from g0 to g1 takes g0 + (g1 − g0)·k/N, in double precision;
 * a new target mid-ramp starts a fresh ramp from the current value. The WASM reference DSP
 * implements the same law, so their outputs agree to float precision.
 */
export class LinearRamp {
  private start: number;
  private target: number;
  private position: number;
  private current: number;

  constructor(
    initial: number,
    private readonly rampFrames: number,
  ) {
    if (!Number.isInteger(rampFrames) || rampFrames < 1)
      throw new RangeError(`rampFrames must be a positive integer, got ${rampFrames}`);
    this.start = this.target = this.current = initial;
    this.position = rampFrames;
  }

  get value(): number {
    return this.current;
  }

  get isRamping(): boolean {
    return this.position < this.rampFrames;
  }

  setTarget(target: number): void {
    this.start = this.current;
    this.target = target;
    this.position = 0;
  }

  /** Jumps to the target (used by reset). */
  settle(): void {
    this.start = this.current = this.target;
    this.position = this.rampFrames;
  }

  /** Advances one frame and returns the value for it. */
  next(): number {
    if (this.position < this.rampFrames) {
      this.position++;
      this.current =
        this.position === this.rampFrames
          ? this.target
          : this.start + (this.target - this.start) * (this.position / this.rampFrames);
    }
    return this.current;
  }
}
