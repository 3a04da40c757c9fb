import { describe, expect, it } from 'vitest';
import * as global from '../../src/modules/global-modules';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { IntProducer } from './int-modules';
import { makeProcess, makeRegistry } from './make-process';

const began: string[] = [];

class FailsInConstructor extends global.EDAnalyzer {
  constructor(parameters: ParameterSet) {
    super(parameters);
    throw new Error('bad configuration value');
  }
  analyze(): void {}
}

class RecordsJob extends global.EDAnalyzer {
  override beginJob(): void {
    began.push(`begin ${this.moduleLabel}`);
  }
  override endJob(): void {
    began.push(`end ${this.moduleLabel}`);
  }
  analyze(): void {}
}

class FailsInBeginJob extends global.EDAnalyzer {
  override beginJob(): void {
    throw new Error('cannot begin');
  }
  override endJob(): void {
    began.push('end of a module that never began');
  }
  analyze(): void {}
}

// What a JavaScript module (no type checker) can look like: a producer that forgot produce().
const WithoutProduce = class WithoutProduce extends (global.EDProducer as unknown as new (
  parameters: ParameterSet,
) => object) {} as unknown as typeof IntProducer;

const registry = () =>
  makeRegistry(FailsInConstructor, RecordsJob, FailsInBeginJob, IntProducer).register(WithoutProduce, 'WithoutProduce');

describe('construction (createEventProcessor) and beginJob', () => {
  it('adds the Constructing module context to a constructor error', async () => {
    const description = makeProcess({
      modules: { bad: { type: 'FailsInConstructor', edmType: 'EDAnalyzer' } },
      paths: { p: ['bad'] },
    });
    // As CMSSW's EventProcessor constructor: construction fails before there is a processor to begin.
    await expect(createEventProcessor(description, { registry: registry() })).rejects.toMatchObject({
      exitCode: 8002,
      contexts: ["Constructing module: class=FailsInConstructor label='bad'"],
    });
  });

  it('refuses a module whose class is another kind than the configuration says', async () => {
    const description = makeProcess({
      modules: { a: { type: 'IntProducer', edmType: 'EDFilter' } },
      paths: { p: ['a'] },
    });
    await expect(createEventProcessor(description, { registry: registry() })).rejects.toMatchObject({
      category: 'Configuration',
      message:
        "The base type in the python configuration is EDFilter, but the base type for the module's C++ class is EDProducer. Please fix the configuration.",
    });
  });

  it("refuses an unknown module type with the registry's suggestions", async () => {
    const description = makeProcess({ modules: { a: { type: 'IntProduce' } }, paths: { p: ['a'] } });
    await expect(createEventProcessor(description, { registry: registry() })).rejects.toMatchObject({
      category: 'Configuration',
      message: expect.stringContaining("'IntProducer'"),
    });
  });

  it('refuses at construction a module class without the method its kind needs', async () => {
    const description = makeProcess({ modules: { lazy: { type: 'WithoutProduce' } }, paths: { p: ['lazy'] } });
    await expect(createEventProcessor(description, { registry: registry() })).rejects.toMatchObject({
      category: 'LogicError',
      message:
        "Module WithoutProduce/'lazy' is a EDProducer without a produce() method: implement produce() in its class.",
      contexts: ["Constructing module: class=WithoutProduce label='lazy'"],
    });
  });

  it('ends only the modules that began when beginJob fails', async () => {
    began.length = 0;
    const description = makeProcess({
      modules: {
        first: { type: 'RecordsJob', edmType: 'EDAnalyzer' },
        bad: { type: 'FailsInBeginJob', edmType: 'EDAnalyzer' },
        last: { type: 'RecordsJob', edmType: 'EDAnalyzer' },
      },
      paths: { p: ['first', 'bad', 'last'] },
    });
    const processor = await createEventProcessor(description, { registry: registry() });
    await expect(processor.beginJob()).rejects.toMatchObject({
      contexts: ['Processing  beginJob', "Calling method for module FailsInBeginJob/'bad'"],
    });
    await processor.endJob();
    expect(began).toEqual(['begin first', 'end first']);
  });
});
