import type { FrameworkError } from '../errors/framework-error';
import { productTypeName } from '../modules/product-type';
import type { ActivityRegistry } from '../scheduling/activity-registry';
import { describeComponent, selectableModuleLabel } from './component-description';
import type { ESGetToken } from './es-get-token';
import type { ESProducer } from './es-producer';
import { ESProductResolver, type ResolvedESToken } from './es-product-resolver';
import { EventSetupImpl, type EventSetupImplOwner } from './event-setup-impl';
import type { EventSetupProvider, EventSetupSyncValue } from './event-setup-provider';
import type { EventSetupRecordIntervalFinder } from './event-setup-record-interval-finder';
import type { EventSetupRecordKey } from './event-setup-record-key';
import { EventSetupRecordProvider } from './event-setup-record-provider';
import { ambiguousESProductException, noProductResolverException } from './no-product-resolver-exception';

/**
 * CMSSW's EventSetupProvider: the records the job's ES modules deliver, ordered parents first, and the
 * EventSetup of each event. `eventSetupFor` moves every record to the event's IOV and returns the same
 * EventSetupImpl as long as no IOV changed. Tokens are resolved to their product's resolver once each.
 */
export class EventSetupProviderImpl implements EventSetupProvider, EventSetupImplOwner {
  readonly #records = new Map<EventSetupRecordKey, EventSetupRecordProvider>();
  /** Parents before children, so a dependent record sees its parents' new IOVs. */
  readonly #ordered: EventSetupRecordProvider[] = [];
  readonly #resolvedTokens = new Map<ESGetToken, ResolvedESToken>();
  #current: EventSetupImpl | undefined;

  readonly activity: ActivityRegistry | undefined;

  constructor(
    finders: readonly EventSetupRecordIntervalFinder[],
    producers: readonly ESProducer[],
    activity?: ActivityRegistry,
  ) {
    this.activity = activity;
    for (const finder of finders) {
      for (const record of finder.findingForRecords()) this.#recordProvider(record).finders.push(finder);
    }
    for (const producer of producers) {
      for (const production of producer.productions()) {
        const recordProvider = this.#recordProvider(production.record);
        recordProvider.addResolver(
          new ESProductResolver(
            production,
            producer.componentDescription,
            recordProvider.index,
            recordProvider.resolvers.length,
            this,
          ),
        );
        // A producer's dependencies' records are parents of its record, so they are known already.
      }
    }
  }

  async beginJob(): Promise<void> {}

  /** Lets the products go: the next event (a later run of the same processor) makes them again. */
  async endJob(): Promise<void> {
    this.#current = undefined;
    for (const record of this.#ordered) record.reset();
  }

  eventSetupFor(syncValue: EventSetupSyncValue): EventSetupImpl {
    const ordered = this.#ordered;
    let changed = false;
    for (let index = 0; index < ordered.length; index++) {
      const record = ordered[index] as EventSetupRecordProvider;
      record.update(syncValue);
      if (record.changed) changed = true;
    }
    const current = this.#current;
    if (!changed && current !== undefined) {
      current.syncValue = syncValue;
      return current;
    }
    const records = new Array<EventSetupRecordProvider['current']>(ordered.length);
    for (const record of ordered) records[record.index] = record.current;
    const eventSetup = new EventSetupImpl(this, records, syncValue);
    this.#current = eventSetup;
    return eventSetup;
  }

  /** The records the provider knows, parents first (for tests and diagnostics). */
  records(): readonly EventSetupRecordKey[] {
    return this.#ordered.map((record) => record.key);
  }

  recordIndexOf(record: EventSetupRecordKey): number {
    return this.#records.get(record)?.index ?? -1;
  }

  resolveToken(token: ESGetToken): ResolvedESToken {
    let resolved = this.#resolvedTokens.get(token);
    if (resolved === undefined) {
      resolved = this.#resolve(token);
      this.#resolvedTokens.set(token, resolved);
    }
    return resolved;
  }

  #resolve(token: ESGetToken): ResolvedESToken {
    const recordProvider = this.#records.get(token.record);
    const recordName = token.record.recordName;
    const typeName = productTypeName(token.productType);
    const dataLabel = token.tag.data;
    if (recordProvider === undefined) {
      return unresolved(-1, false, () => noProductResolverException(recordName, typeName, dataLabel, false));
    }
    const knownRecord = recordProvider.isDelivered();
    const sameData = recordProvider
      .resolversOf(token.productType)
      .filter((resolver) => resolver.production.dataLabel === dataLabel);
    const moduleLabel = token.tag.module;
    const candidates =
      moduleLabel === ''
        ? sameData
        : sameData.filter((resolver) => selectableModuleLabel(resolver.description) === moduleLabel);
    if (candidates.length === 1) {
      const resolver = candidates[0] as ESProductResolver;
      return {
        recordIndex: recordProvider.index,
        knownRecord,
        resolver,
        failure: () => noProductResolverException(recordName, typeName, dataLabel, false),
      };
    }
    if (candidates.length > 1) {
      const names = candidates.map((resolver) => describeComponent(resolver.description));
      return {
        ...unresolved(recordProvider.index, knownRecord, () =>
          ambiguousESProductException(recordName, typeName, dataLabel, names),
        ),
        ambiguous: true,
      };
    }
    const moduleLabelDoesNotMatch = moduleLabel !== '' && sameData.length > 0;
    return unresolved(recordProvider.index, knownRecord, () =>
      noProductResolverException(recordName, typeName, dataLabel, moduleLabelDoesNotMatch),
    );
  }

  #recordProvider(record: EventSetupRecordKey): EventSetupRecordProvider {
    let recordProvider = this.#records.get(record);
    if (recordProvider !== undefined) return recordProvider;
    const parents = record.dependsOn.map((parent) => this.#recordProvider(parent));
    recordProvider = new EventSetupRecordProvider(record, this.#ordered.length, this);
    recordProvider.parents.push(...parents);
    this.#records.set(record, recordProvider);
    this.#ordered.push(recordProvider);
    return recordProvider;
  }
}

function unresolved(recordIndex: number, knownRecord: boolean, failure: () => FrameworkError): ResolvedESToken {
  return { recordIndex, knownRecord, resolver: undefined, failure };
}
