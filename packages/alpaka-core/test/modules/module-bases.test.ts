import { describe, expect, it } from 'vitest';
import type { ConstEvent, Event } from '../../src/event/event';
import { ESGetToken } from '../../src/event-setup/es-get-token';
import type { EventSetupRecordKey } from '../../src/event-setup/event-setup-record-key';
import { registrationsOf } from '../../src/modules/ed-consumer-base';
import { EDGetToken, EDPutToken } from '../../src/modules/ed-get-token';
import * as global from '../../src/modules/global-modules';
import { ModuleRegistry } from '../../src/modules/module-registry';
import * as one from '../../src/modules/one-modules';
import { productTypes } from '../../src/modules/product-type';
import * as stream from '../../src/modules/stream-modules';
import { InputTag } from '../../src/parameter-set/input-tag';
import { ParameterSet } from '../../src/parameter-set/parameter-set';

const record: EventSetupRecordKey = { recordName: 'TestRecord', dependsOn: [] };

class Declaring extends stream.EDProducer {
  readonly a = this.consumes(productTypes.int, 'label:inst:PROC');
  readonly b = this.mayConsume(productTypes.double, new InputTag('other'));
  readonly es1 = this.esConsumes(record, productTypes.int);
  readonly es2 = this.esConsumes(record, productTypes.string, 'maker:data');
  readonly out = this.produces(productTypes.int, 'x');
  produce(event: Event): void {
    // Typed tokens: get returns number, put takes number.
    const value: number = event.get(this.a);
    event.put(this.out, value + 1);
  }
}

class Analyzer extends global.EDAnalyzer {
  analyze(_stream: number, _event: ConstEvent): void {}
}

describe('module bases', () => {
  it('set edmType and concurrency on each namespace', () => {
    expect([stream.EDProducer.edmType, stream.EDFilter.edmType, stream.EDAnalyzer.edmType]).toEqual([
      'EDProducer',
      'EDFilter',
      'EDAnalyzer',
    ]);
    expect([
      global.EDProducer.moduleConcurrency,
      stream.EDProducer.moduleConcurrency,
      one.EDProducer.moduleConcurrency,
    ]).toEqual(['global', 'stream', 'one']);
    expect(stream.EDProducerExternalWork.externalWork).toBe(true);
    expect(global.EDFilterExternalWork.externalWork).toBe(true);
    expect(stream.EDProducer.externalWork).toBe(false);
  });

  it('register tokens in declaration order with parsed tags and ES token indices', () => {
    const module = new Declaring(new ParameterSet());
    const registrations = registrationsOf(module);
    expect(registrations.consumes).toEqual([module.a, module.b]);
    expect(module.a).toBeInstanceOf(EDGetToken);
    expect(module.a.tag).toEqual(new InputTag('label', 'inst', 'PROC'));
    expect([module.a.kind, module.b.kind]).toEqual(['consumes', 'mayConsume']);
    expect(module.out).toBeInstanceOf(EDPutToken);
    expect(module.out.instance).toBe('x');
    expect(module.es1).toBeInstanceOf(ESGetToken);
    expect([module.es1.index, module.es2.index]).toEqual([0, 1]);
    expect([module.es2.tag.module, module.es2.tag.data]).toEqual(['maker', 'data']);
  });

  it('give analyzers no produces (a compile-time error)', () => {
    const analyzer = new Analyzer(new ParameterSet());
    // @ts-expect-error EDAnalyzers cannot produce.
    expect(analyzer.produces).toBeUndefined();
  });

  it('refuse a consumes call without a product type', () => {
    class Bad extends stream.EDAnalyzer {
      constructor(parameters: ParameterSet) {
        super(parameters);
        this.consumes(undefined as never, 'x');
      }
      analyze(): void {}
    }
    expect(() => new Bad(new ParameterSet())).toThrow(/needs a product type/);
  });

  it('are module classes the registry accepts without a cast', () => {
    const registry = new ModuleRegistry().register(Declaring).register(Analyzer);
    expect(registry.typeNames()).toEqual(['Analyzer', 'Declaring']);
  });
});
