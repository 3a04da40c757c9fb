export { ArrowFileWriter } from './arrow-file-writer';
export { ArrowOutputModule } from './arrow-output-module';
export { ArrowSource } from './arrow-source';
export {
  type ArrowTable,
  type CollectionBatches,
  checkTablesHoldLayout,
  collectionBatches,
  type EventNumbers,
  fillCollectionFromBatches,
  fillScalarsFromEvents,
} from './collection-record-batches';
export { dumpEventContent } from './dump-event-content';
export { ElementsFileReader } from './elements-file-reader';
export { EventIdColumns } from './event-id-columns';
export {
  arrowTypeOf,
  elementsSchema,
  eventIdColumns,
  eventsSchema,
  layoutDescription,
  metadataKeys,
  valuesPerElement,
} from './layout-arrow-schema';
export { mergeOutputs } from './merge-outputs';
export { layoutsMetadataKey } from './multi-collection-batches';
export { isNumberProductType } from './number-product-batches';
export { structMetadataKey } from './object-batches';
export {
  type BranchDescription,
  branchElementsFile,
  branchEventsFile,
  branchMetadataKey,
  branchOf,
  eventIndexFile,
} from './output-file-layout';
export { type FolderBranch, type OutputFolder, readArrowFile, readOutputFolder } from './output-folder';
export {
  layoutFromDescription,
  type PersistentType,
  persistentType,
  registerPersistentCollection,
  registerPersistentMultiCollection,
  registerPersistentObject,
  structFromDescription,
} from './persistent-types';
