/** CMSSW's edm::LuminosityBlock as beginLuminosityBlock/endLuminosityBlock see it. */
export class LuminosityBlock {
  readonly #run: number;
  readonly #luminosityBlock: number;
  constructor(run: number, luminosityBlock: number) {
    this.#run = run;
    this.#luminosityBlock = luminosityBlock;
  }
  run(): number {
    return this.#run;
  }
  luminosityBlock(): number {
    return this.#luminosityBlock;
  }
  id(): { readonly run: number; readonly luminosityBlock: number } {
    return { run: this.#run, luminosityBlock: this.#luminosityBlock };
  }
}
