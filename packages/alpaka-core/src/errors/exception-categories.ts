/**
 * CMSSW's edm::errors::ErrorCodes (FWCore/Utilities/interface/EDMException.h): the category names a
 * FrameworkError carries and the exit code `alpaka-run` ends with, as cmsRun's `ex.returnCode()`.
 */
export const edmErrorCodes = {
  CommandLineProcessing: 7000,
  ConfigFileNotFound: 7001,
  ConfigFileReadError: 7002,
  OtherCMS: 8001,
  StdException: 8002,
  Unknown: 8003,
  BadAlloc: 8004,
  BadExceptionType: 8005,
  ProductNotFound: 8006,
  DictionaryNotFound: 8007,
  InsertFailure: 8008,
  Configuration: 8009,
  LogicError: 8010,
  UnimplementedFeature: 8011,
  InvalidReference: 8012,
  NullPointerError: 8013,
  NoProductSpecified: 8014,
  EventTimeout: 8015,
  EventCorruption: 8016,
  ScheduleExecutionFailure: 8017,
  EventProcessorFailure: 8018,
  FileInPathError: 8019,
  FileOpenError: 8020,
  FileReadError: 8021,
  FatalRootError: 8022,
  MismatchedInputFiles: 8023,
  ProductDoesNotSupportViews: 8024,
  ProductDoesNotSupportPtr: 8025,
  NotFound: 8026,
  FormatIncompatibility: 8027,
  FallbackFileOpenError: 8028,
  NoSecondaryFiles: 8029,
  ExceededResourceVSize: 8030,
  ExceededResourceRSS: 8031,
  ExceededResourceTime: 8032,
  FileWriteError: 8033,
  FileNameInconsistentWithGUID: 8034,
  UnavailableAccelerator: 8035,
  ExternalFailure: 8036,
  EventGenerationFailure: 8501,
  UnexpectedJobTermination: 8901,
  CaughtSignal: 9000,
} as const;

/** One of CMSSW's edm::Exception categories. */
export type EdmErrorCategory = keyof typeof edmErrorCodes;

/** A plain `cms::Exception("X")` (any category outside the table) exits with OtherCMS's code, 8001. */
export const otherCmsExitCode = edmErrorCodes.OtherCMS;

/** Whether a category is one of edm::Exception's (as opposed to a free cms::Exception category). */
export function isEdmErrorCategory(category: string): category is EdmErrorCategory {
  return Object.hasOwn(edmErrorCodes, category);
}

/** The exit code for a category: the table's, or 8001 for a free category as cmsRun does. */
export function exitCodeOfCategory(category: string): number {
  return isEdmErrorCategory(category) ? edmErrorCodes[category] : otherCmsExitCode;
}
