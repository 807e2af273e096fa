/** A golden file that cannot be used, naming the file and where in it the problem is. */
export class GoldenError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`golden ${file}: ${problem}`);
    this.name = 'GoldenError';
  }
}
