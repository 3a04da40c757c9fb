import type { ModuleEdmType } from '../configuration/process-description';
import { FrameworkError } from '../errors/framework-error';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import { checkProductType } from '../modules/ed-consumer-base';
import type { ModuleClass } from '../modules/module-class';
import type { ModuleRegistry } from '../modules/module-registry';
import type { ProductType } from '../modules/product-type';
import type { ParameterSet } from '../parameter-set/parameter-set';

/**
 * The module a TestProcessor tests: its type (a name the registry knows, or the class itself), its parameters
 * (a ParameterSet, or a function that fills an empty one) and optionally its label (default 'toTest') and
 * edmType (default: what its class is). A ModuleDescription (`{ label, type, edmType, parameters }`) fits.
 */
export interface TestModuleSpec {
  readonly type: string | ModuleClass;
  readonly label?: string;
  readonly edmType?: ModuleEdmType;
  readonly parameters?: ParameterSet | ((parameters: ParameterSet) => void);
}

export interface TestProcessorConfigOptions {
  readonly module: TestModuleSpec;
  /** Where module types are found (default: the built-in modules only). Not modified. */
  readonly registry?: ModuleRegistry;
  /** The process name (default 'TEST', as CMSSW's TestProcess). */
  readonly processName?: string;
}

/** What `test()` and the transition calls take: a token and its product, as CMSSW's std::make_pair. */
export type TestPut<T = unknown> = readonly [TestProductToken<T> | TestESProductToken<T>, T];

/**
 * CMSSW's EDPutTokenT from TestProcessorConfig::produces: an Event product the test feeds, put by the
 * framework's source under this module label, instance and process, so the module under test reads it by
 * InputTag as in a real job.
 */
export class TestProductToken<T = unknown> {
  readonly index: number;
  readonly productType: ProductType<T>;
  readonly label: string;
  readonly instance: string;
  /** '' for the test's own process. */
  readonly process: string;

  constructor(index: number, productType: ProductType<T>, label: string, instance: string, process: string) {
    this.index = index;
    this.productType = productType;
    this.label = label;
    this.instance = instance;
    this.process = process;
    Object.freeze(this);
  }

  /** The typed pair `test()` takes. */
  with(product: T): TestPut<T> {
    return [this, product];
  }
}

/** CMSSW's test::ESPutTokenT from TestProcessorConfig::esProduces: EventSetup data the test feeds. */
export class TestESProductToken<T = unknown> {
  readonly index: number;
  readonly record: EventSetupRecordKey;
  readonly productType: ProductType<T>;
  readonly label: string;

  constructor(index: number, record: EventSetupRecordKey, productType: ProductType<T>, label: string) {
    this.index = index;
    this.record = record;
    this.productType = productType;
    this.label = label;
    Object.freeze(this);
  }

  /** The typed pair `test()` takes. */
  with(product: T): TestPut<T> {
    return [this, product];
  }
}

/**
 * CMSSW's edm::test::TestProcessorConfig: the module to test and the Event and EventSetup products the test
 * will feed it. Reusable: each TestProcessor created from it gets its own copy of the module's parameters.
 */
export class TestProcessorConfig {
  readonly module: TestModuleSpec;
  readonly registry: ModuleRegistry | undefined;
  readonly processName: string;
  readonly #products: TestProductToken[] = [];
  readonly #eventSetupProducts: TestESProductToken[] = [];

  constructor(options: TestProcessorConfigOptions) {
    if (typeof options !== 'object' || options === null || typeof options.module !== 'object') {
      throw new FrameworkError(
        'Configuration',
        'TestProcessorConfig needs { module: { type, parameters } }: the module to test, by type name or class.',
      );
    }
    this.module = options.module;
    this.registry = options.registry;
    this.processName = options.processName ?? 'TEST';
  }

  /** The label the module under test gets. */
  get moduleLabel(): string {
    return this.module.label ?? 'toTest';
  }

  /**
   * Declares an Event product the test feeds (CMSSW's `config.produces<T>(label, instance)`), put with this
   * module label and instance, in the test's process unless `process` names an earlier one.
   */
  produces<T>(productType: ProductType<T>, label: string, instance = '', process = ''): TestProductToken<T> {
    checkProductType(productType, 'TestProcessorConfig.produces');
    if (typeof label !== 'string' || label === '') {
      throw new FrameworkError('Configuration', 'TestProcessorConfig.produces needs a non-empty module label.');
    }
    if (label === this.moduleLabel && (process === '' || process === this.processName)) {
      throw new FrameworkError(
        'Configuration',
        `TestProcessorConfig.produces: the label '${label}' is the module under test's; give the fed product another module label.`,
      );
    }
    const token = new TestProductToken(this.#products.length, productType, label, instance, process);
    this.#products.push(token as TestProductToken);
    return token;
  }

  /** Declares EventSetup data the test feeds (CMSSW's `config.esProduces<T, Record>(label)`). */
  esProduces<T>(record: EventSetupRecordKey, productType: ProductType<T>, label = ''): TestESProductToken<T> {
    checkProductType(productType, 'TestProcessorConfig.esProduces');
    if (typeof record !== 'object' || record === null || typeof record.recordName !== 'string') {
      throw new FrameworkError('Configuration', 'TestProcessorConfig.esProduces needs a record key from defineRecord.');
    }
    const duplicate = this.#eventSetupProducts.some(
      (token) => token.record === record && token.productType === productType && token.label === label,
    );
    if (duplicate) {
      throw new FrameworkError(
        'Configuration',
        `TestProcessorConfig.esProduces: data of this type in record "${record.recordName}" with label "${label}" is declared twice.`,
      );
    }
    const token = new TestESProductToken(this.#eventSetupProducts.length, record, productType, label);
    this.#eventSetupProducts.push(token as TestESProductToken);
    return token;
  }

  /** The Event products declared so far, in order. */
  products(): readonly TestProductToken[] {
    return this.#products;
  }

  /** The EventSetup products declared so far, in order. */
  eventSetupProducts(): readonly TestESProductToken[] {
    return this.#eventSetupProducts;
  }
}
