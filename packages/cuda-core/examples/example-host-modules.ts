import {
  type ConfigurationDescriptions,
  type ConstEvent,
  type EDGetToken,
  ESProducer,
  type Event,
  type EventSetup,
  global,
  type ParameterSet,
  ParameterSetDescription,
} from '@alpaka-ts/core';
import { allocBuf, f32, host } from '@alpaka-ts/interface';
import { ExampleConditionsGPU } from './example-conditions';
import {
  ExampleConditionsRecord,
  ExampleHostData,
  ExampleHostDataType,
  ExampleSumType,
  rawValue,
} from './example-data';

// The CPU side of the examples: the raw data, the conditions, the CPU producer a SwitchProducerCUDA falls back
// to, and the analyzers that print what the jobs computed (the tests and the GPU runs compare these lines).

/** The description of a module that reads one product, `src` (required when there is no default). */
export const sourceDescription = (defaultSource?: string) => (descriptions: ConfigurationDescriptions) => {
  const description = new ParameterSetDescription();
  if (defaultSource === undefined) description.add('src', 'string');
  else description.add('src', 'string', defaultSource);
  descriptions.addWithDefaultLabel(description);
};

/** Puts `size` raw values on the host (rawValue(event, i)). */
export class ExampleRawProducer extends global.EDProducer {
  readonly #output = this.produces(ExampleHostDataType);
  readonly #size: number = this.parameters.getParameter<number>('size');
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('size', 'uint32', 1000);
    descriptions.addWithDefaultLabel(description);
  }
  produce(_stream: number, event: Event): void {
    const values = allocBuf(host(), f32, this.#size);
    const array = values.hostArray();
    for (let index = 0; index < this.#size; index++) array[index] = rawValue(event.id().event, index);
    event.put(this.#output, new ExampleHostData(values));
  }
}

/** The calibration conditions (factor, offset), with their copy on each GPU made when first asked for. */
export class ExampleConditionsESProducer extends ESProducer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    const factor = parameters.getParameter<number>('factor');
    const offset = parameters.getParameter<number>('offset');
    this.setWhatProduced(ExampleConditionsRecord, ExampleConditionsGPU, () => new ExampleConditionsGPU(factor, offset));
  }
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('factor', 'double', 2);
    description.add('offset', 'double', 1);
    descriptions.addWithDefaultLabel(description);
  }
}

/** The switch's cpu case: the calibration on the host, the same numbers the GPU chain puts. */
export class ExampleProducerCPU extends global.EDProducer {
  readonly #input: EDGetToken<ExampleHostData>;
  readonly #conditions = this.esConsumes(ExampleConditionsRecord, ExampleConditionsGPU);
  readonly #output = this.produces(ExampleHostDataType);
  constructor(parameters: ParameterSet) {
    super(parameters);
    this.#input = this.consumes(ExampleHostDataType, parameters.getParameter<string>('src'));
  }
  static fillDescriptions = sourceDescription('exampleRaw');
  produce(_stream: number, event: Event, setup: EventSetup): void {
    const raw = event.get(this.#input).values.hostArray();
    const { factor, offset } = setup.get(this.#conditions);
    const values = allocBuf(host(), f32, raw.length);
    const array = values.hostArray();
    for (let index = 0; index < raw.length; index++) array[index] = Math.fround(raw[index] as number) * factor + offset;
    event.put(this.#output, new ExampleHostData(values));
  }
}

/** The line an analyzer prints for one event's values. */
export const describeValues = (label: string, event: number, values: ArrayLike<number>): string => {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index] as number;
  return `${label}: event ${event} size ${values.length} first ${values[0]} last ${values[values.length - 1]} sum ${sum}`;
};

/** Prints one line per event of a host product: ExampleHostData (its values) or ExampleSum (the number). */
export class ExampleHostAnalyzer extends global.EDAnalyzer {
  readonly #values: EDGetToken<ExampleHostData> | undefined;
  readonly #sum: EDGetToken<number> | undefined;
  constructor(parameters: ParameterSet) {
    super(parameters);
    const source = parameters.getParameter<string>('src');
    const isSum = parameters.getParameter<boolean>('sum');
    this.#values = isSum ? undefined : this.consumes(ExampleHostDataType, source);
    this.#sum = isSum ? this.consumes(ExampleSumType, source) : undefined;
  }
  static fillDescriptions(descriptions: ConfigurationDescriptions): void {
    const description = new ParameterSetDescription();
    description.add('src', 'string');
    description.add('sum', 'bool', false);
    descriptions.addWithDefaultLabel(description);
  }
  analyze(_stream: number, event: ConstEvent): void {
    const number = event.id().event;
    if (this.#sum !== undefined) console.log(`${this.moduleLabel}: event ${number} value ${event.get(this.#sum)}`);
    else if (this.#values !== undefined)
      console.log(describeValues(this.moduleLabel, number, event.get(this.#values).values.hostArray()));
  }
}
