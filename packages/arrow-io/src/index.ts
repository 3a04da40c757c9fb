export {
  type CollectionBatches,
  collectionBatches,
  type EventNumbers,
  fillCollectionFromBatches,
} from './collection-record-batches';
export {
  arrowTypeOf,
  elementsSchema,
  eventIdColumns,
  eventsSchema,
  metadataKeys,
  valuesPerElement,
} from './layout-arrow-schema';
