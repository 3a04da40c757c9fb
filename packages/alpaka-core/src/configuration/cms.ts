import {
  EDAnalyzer,
  EDFilter,
  EDProducer,
  ESProducer,
  ESSource,
  OutputModule,
  Service,
  Source,
} from './module-builders';
import { trackedBuilders, untracked } from './parameter-builders';
import { pathBuilders } from './path-builders';
import { makeProcess } from './process';
import { SwitchProducer } from './switch-producer';

/**
 * The configuration language: Python's `cms` module (FWCore/ParameterSet/python/Config.py) with the same
 * names, so a CMSSW configuration translates line by line:
 *
 * | Python                                      | here                                              |
 * |---------------------------------------------|---------------------------------------------------|
 * | `process = cms.Process("TEST")`             | `const process = cms.Process('TEST')`             |
 * | `cms.EDProducer("T", x = cms.int32(1))`     | `cms.EDProducer('T', { x: cms.int32(1) })`        |
 * | `cms.untracked.vstring("a", "b")`           | `cms.untracked.vstring('a', 'b')`                 |
 * | `process.b = process.a.clone(x = 2)`        | `process.b = process.a.clone({ x: 2 })`           |
 * | `cms.Path(process.a + process.b * ~process.f)` | `cms.Path(process.a, process.b, cms.veto(process.f))` |
 * | `cms.Path(cms.ignore(process.f), process.t)` | the same                                         |
 * | `cms.Schedule(process.p, tasks=[process.t])` | `cms.Schedule(process.p).associate(process.t)`   |
 * | `process.p += process.c`                    | `process.p.append(process.c)`                     |
 *
 * JavaScript cannot overload `~`, `+` or `*`: `~f` is `cms.veto(f)`, and the items of a Path, EndPath,
 * Sequence or Task are its arguments in order (Python's `+` and `*` both only chain them). Keyword arguments
 * become one object of named parameters. The configuration module's default export is the process.
 */
export const cms = {
  Process: makeProcess,
  ...trackedBuilders,
  untracked,
  EDProducer,
  EDFilter,
  EDAnalyzer,
  OutputModule,
  ESProducer,
  ESSource,
  Source,
  Service,
  SwitchProducer,
  ...pathBuilders,
};

export type { Module } from './module-builders';
export type {
  ParameterAttribute,
  ParameterAttributes,
  ParameterOverrides,
  PSetParameter,
} from './parameter-builders';
export type { EndPath, LabelledComponent, Path, PathOperation, Sequence } from './path-builders';
export type { Process } from './process';
export type { Schedule } from './schedule';
export type { Task } from './task';
export type { TypedParameter } from './typed-parameter';
