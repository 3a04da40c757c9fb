import { FrameworkError } from '../errors/framework-error';
import type { EndOfEventWork } from '../event/end-of-event-work';
import type { LuminosityBlock } from '../event/luminosity-block';
import type { Run } from '../event/run';
import { ESGetToken, type Transition } from '../event-setup/es-get-token';
import type { EventSetup } from '../event-setup/event-setup-provider';
import type { EventSetupRecordKey } from '../event-setup/event-setup-record-key';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { InputTag } from '../parameter-set/input-tag';
import type { ParameterSet } from '../parameter-set/parameter-set';
import { type ConsumeKind, EDGetToken, type EDPutToken } from './ed-get-token';
import type { MaybePromise } from './module-abilities';
import { isProductType, type ProductType } from './product-type';
import type { WaitingTaskWithArenaHolder } from './waiting-task-with-arena-holder';

/** A Transformer registration (CMSSW's edm::Transformer ability): a second product made from a first. */
export interface TransformRegistration {
  readonly source: EDPutToken;
  readonly result: EDPutToken;
  /** Synchronous form: the result from the product. */
  readonly transform: ((product: unknown, streamID: number) => unknown) | undefined;
  /** Asynchronous form: `pre` starts work and keeps the holder until it is done, `post` makes the result. */
  readonly pre: ((product: unknown, holder: WaitingTaskWithArenaHolder, streamID: number) => unknown) | undefined;
  readonly post: ((cache: unknown, streamID: number) => unknown) | undefined;
}

/** What a source-product transform is given besides the product. */
export interface SourceTransformContext {
  readonly streamID: number;
  /** The event's list of work its stream must see finished before its next event (registerEndOfEventWork's). */
  readonly endOfEventWork: EndOfEventWork[];
  /** The branch name of the source's product (`FriendlyType_label_instance_PROCESS`), for messages. */
  readonly branchName: string;
}

/**
 * A consumer's offer to make the product one of its tokens reads from a product of another type that the source
 * puts under the same tag: what the alpaka layer's implicit host→device copy of what a source read is made of.
 * It takes effect only when nothing in the job puts the token's own type under its tag; the result is a
 * Transformer product of the source's, made once per event and only when consumed.
 */
export interface SourceTransformRegistration {
  readonly token: EDGetToken;
  readonly sourceType: ProductType;
  readonly transform: (product: unknown, context: SourceTransformContext) => unknown;
  /** Where the result lives (an alpaka backend's name): offers of one product from two domains are refused. */
  readonly domain: string;
}

/** What a module declared in its constructor; read by the framework once, at schedule construction. */
export interface ModuleRegistrations {
  readonly consumes: EDGetToken[];
  readonly produces: EDPutToken[];
  readonly esConsumes: ESGetToken[];
  readonly transforms: TransformRegistration[];
  readonly sourceTransforms: SourceTransformRegistration[];
}

const registrationsKey = Symbol('alpaka-core.moduleRegistrations');

/** The framework's view of a module's declarations (consumes, produces, esConsumes, transforms). */
export function registrationsOf(module: object): ModuleRegistrations {
  const registrations = (module as { [registrationsKey]?: ModuleRegistrations })[registrationsKey];
  if (registrations === undefined) {
    throw new FrameworkError(
      'LogicError',
      `${module.constructor.name} is not a framework module: extend one of the bases of global, stream, one, OutputModule or InputSource.`,
    );
  }
  return registrations;
}

/**
 * CMSSW's edm::EDConsumerBase: what every module declares in its constructor. `consumes` and `mayConsume`
 * return typed get tokens, `esConsumes` EventSetup tokens; the framework resolves them once when it builds the
 * schedule, so the per-event work of a get is an array index.
 */
export abstract class EDConsumerBase {
  readonly [registrationsKey]: ModuleRegistrations = {
    consumes: [],
    produces: [],
    esConsumes: [],
    transforms: [],
    sourceTransforms: [],
  };
  /** The module's configuration (label in `@module_label`), as the framework gave it to the constructor. */
  readonly parameters: ParameterSet;

  readonly #streamCaches: unknown[] = [];

  constructor(parameters: ParameterSet) {
    this.parameters = parameters;
  }

  // The transitions a module may implement (CMSSW's begin/end Job, Stream, Run and LuminosityBlock). Stream
  // modules get beginStream/endStream once per instance; global modules once per stream (StreamCache).
  beginJob?(): MaybePromise<void>;
  endJob?(): MaybePromise<void>;
  beginStream?(streamID: number): MaybePromise<void>;
  endStream?(streamID: number): MaybePromise<void>;
  beginRun?(run: Run, eventSetup: EventSetup): MaybePromise<void>;
  endRun?(run: Run, eventSetup: EventSetup): MaybePromise<void>;
  beginLuminosityBlock?(luminosityBlock: LuminosityBlock, eventSetup: EventSetup): MaybePromise<void>;
  endLuminosityBlock?(luminosityBlock: LuminosityBlock, eventSetup: EventSetup): MaybePromise<void>;

  /** The module's label (`@module_label`), or '' when constructed outside a configuration. */
  get moduleLabel(): string {
    const entry = this.parameters?.entry('@module_label');
    return typeof entry?.value === 'string' ? entry.value : '';
  }

  /** CMSSW's `consumes<T>(InputTag)`: a product this module reads; `tag` is an InputTag or `label:instance:process`. */
  protected consumes<T>(type: ProductType<T>, tag: InputTag | string): EDGetToken<T> {
    return this.#addConsumes(type, tag, 'consumes');
  }

  /** CMSSW's `mayConsume<T>(InputTag)`: a product this module may read (same token, same resolution). */
  protected mayConsume<T>(type: ProductType<T>, tag: InputTag | string): EDGetToken<T> {
    return this.#addConsumes(type, tag, 'mayConsume');
  }

  /**
   * CMSSW's `esConsumes<T, R, transition>(ESInputTag)`: an EventSetup product of a record, prefetched before the
   * calls of that transition ('Event' by default: acquire/produce/filter/analyze; 'BeginRun' … for the block
   * transitions, which receive the EventSetup of their block).
   */
  protected esConsumes<T>(
    record: EventSetupRecordKey,
    type: ProductType<T>,
    tag?: ESInputTag | string,
    transition: Transition = 'Event',
  ): ESGetToken<T> {
    checkProductType(type, 'esConsumes');
    const esTag = tag === undefined ? new ESInputTag() : typeof tag === 'string' ? ESInputTag.parse(tag) : tag;
    const list = this[registrationsKey].esConsumes;
    const token = new ESGetToken(record, type, esTag, list.length, transition);
    list.push(token);
    return token;
  }

  /**
   * Offers to make what `token` reads from a `sourceType` product the source puts under the token's tag, when
   * nothing in the job puts the token's type there (see SourceTransformRegistration). The product handed to
   * `transform` must not be changed: host consumers read it too.
   */
  protected registerSourceTransform<S, R>(
    token: EDGetToken<R>,
    sourceType: ProductType<S>,
    transform: (product: S, context: SourceTransformContext) => R,
    domain = '',
  ): void {
    checkProductType(sourceType, 'registerSourceTransform');
    const registrations = this[registrationsKey];
    if (registrations.consumes[token.index] !== token) {
      throw new FrameworkError(
        'LogicError',
        "registerSourceTransform takes a get token returned by this module's consumes() or mayConsume().",
      );
    }
    registrations.sourceTransforms.push({
      token,
      sourceType,
      transform: transform as (product: unknown, context: SourceTransformContext) => unknown,
      domain,
    });
  }

  /**
   * CMSSW's StreamCache ability (for global modules, whose one instance serves every stream; a stream module
   * keeps per-stream state in its own members): the state set for a stream with setStreamCache.
   */
  protected streamCache<C>(streamID: number): C {
    return this.#streamCaches[streamID] as C;
  }

  protected setStreamCache<C>(streamID: number, cache: C): void {
    this.#streamCaches[streamID] = cache;
  }

  #addConsumes<T>(type: ProductType<T>, tag: InputTag | string, kind: ConsumeKind): EDGetToken<T> {
    checkProductType(type, kind);
    const inputTag = typeof tag === 'string' ? InputTag.parse(tag) : tag;
    if (!(inputTag instanceof InputTag)) {
      throw new FrameworkError(
        'Configuration',
        `${kind} takes an InputTag or a 'label:instance:process' string, got ${typeof tag}.`,
      );
    }
    const list = this[registrationsKey].consumes;
    const token = new EDGetToken(type, inputTag, list.length, kind);
    list.push(token);
    return token;
  }
}

export function checkProductType(type: unknown, call: string): void {
  if (!isProductType(type)) {
    throw new FrameworkError(
      'LogicError',
      `${call} needs a product type (a class, or namedProductType('name')), got ${type === null ? 'null' : typeof type}.`,
    );
  }
}

export { registrationsKey };
