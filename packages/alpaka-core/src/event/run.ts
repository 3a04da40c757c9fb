/** CMSSW's edm::Run as beginRun/endRun see it. */
export class Run {
  readonly #run: number;
  constructor(run: number) {
    this.#run = run;
  }
  run(): number {
    return this.#run;
  }
  id(): { readonly run: number } {
    return { run: this.#run };
  }
}
