import { describe, expect, test } from 'vitest';
import { cms } from '../../src/configuration/cms';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

describe('Process labels', () => {
  test('a component takes its label from the attribute it is assigned to; labels keep definition order', () => {
    const process = cms.Process('TEST');
    process.producer = cms.EDProducer('IntProducer', { ivalue: cms.int32(5) });
    process.p = cms.Path(process.producer);
    expect(process.producer.label_()).toBe('producer');
    expect(process.labels_()).toEqual(['producer', 'p']);
    expect(process.name_()).toBe('TEST');
    expect('producer' in process).toBe(true);
    expect(Object.keys(process)).toEqual(['producer', 'p']);
  });

  test("assigning something that is not a component is CMSSW's TypeError", () => {
    const process = cms.Process('TEST');
    expect(() => {
      process.x = 5 as never;
    }).toThrow(
      "can only assign labels to an object that inherits from '_ConfigureComponent'\nan instance of <class 'number'> will not work - requested label is x",
    );
    expect(() => {
      process.y = cms.int32(1) as never;
    }).toThrow(
      "can only assign labels to an object that inherits from '_ConfigureComponent'\nan instance of <class 'Parameter'> will not work - requested label is y",
    );
    let caught: unknown;
    try {
      process.z = {} as never;
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TypeError);
  });

  test('redefining a label with another object is refused; assigning the same object again is fine', () => {
    const process = cms.Process('TEST');
    const producer = cms.EDProducer('IntProducer');
    process.producer = producer;
    process.producer = producer;
    expect(() => {
      process.producer = cms.EDProducer('IntProducer');
    }).toThrow(/^Trying to override definition of process\.producer$/);
  });

  test("giving a labelled module a second label is Python's setLabel error; clone() is the way", () => {
    const process = cms.Process('TEST');
    process.a = cms.EDProducer('IntProducer');
    expect(() => {
      process.b = process.a;
    }).toThrow(
      'Attempting to change the label of an attribute of the Process\n' +
        'Old label = a  New label = b\n' +
        "Type = <class 'EDProducer'>\n" +
        'Some possible solutions:\n' +
        '  1. Clone modules instead of using simple assignment. Cloning is\n' +
        '  also preferred for other types when possible.\n' +
        '  2. Declare new names starting with an underscore if they are\n' +
        '  for temporaries you do not want propagated into the Process. The\n' +
        '  underscore tells "from x import *" and process.load not to import\n' +
        '  the name.\n' +
        '  3. Reorganize so the assigment is not necessary. Giving a second\n' +
        '  name to the same object usually causes confusion and problems.\n' +
        '  4. Compose Sequences: newName = cms.Sequence(oldName)\n',
    );
    process.b = process.a.clone();
    expect(process.b.label_()).toBe('b');
  });

  test('labels with characters other than letters, digits and _ are refused; so is a bad process name', () => {
    const process = cms.Process('TEST');
    expect(() => {
      process['a-b'] = cms.EDProducer('T');
    }).toThrow('The label a-b contains forbiden characters');
    expect(() => cms.Process('with space')).toThrow(
      'Error: The process name is an empty string or contains non-alphanumeric characters',
    );
    expect(() => {
      process.toDescription = cms.EDProducer('T') as never;
    }).toThrow("'toDescription' is a member of the Process and cannot be used as a label.");
  });

  test('a deleted label is gone from the process', () => {
    const process = cms.Process('TEST');
    process.a = cms.EDProducer('T');
    delete process.a;
    expect(process.a).toBeUndefined();
    expect(process.labels_()).toEqual([]);
  });
});

describe('special attributes', () => {
  test("options start from CMSSW's defaults", () => {
    const options = cms.Process('TEST').toDescription().options;
    expect(options.numberOfThreads).toBe(1);
    expect(options.numberOfStreams).toBe(0);
    expect(options.accelerators).toEqual(['*']);
    expect(options.wantSummary).toBe(false);
    expect(options.exceptionActions).toEqual({
      tryToContinue: [],
      skipEvent: [],
      failPath: [],
      ignoreCompletely: [],
      rethrow: [],
    });
    expect(options.parameters.entry('numberOfThreads')).toEqual({ type: 'uint32', tracked: false, value: 1 });
    expect(options.parameters.getUntrackedParameter('fileMode')).toBe('FULLMERGE');
    expect(options.parameters.getUntrackedParameter('deleteNonConsumedUnscheduledModules')).toBe(true);
  });

  test('options set one by one keep their types; an assigned PSet merges over the defaults', () => {
    const process = cms.Process('TEST');
    process.options.numberOfThreads = 4;
    process.options.wantSummary = true;
    expect(process.toDescription().options.numberOfThreads).toBe(4);
    expect(process.toDescription().options.wantSummary).toBe(true);
    process.options = cms.untracked.PSet({
      numberOfStreams: cms.untracked.int32(2),
      accelerators: cms.untracked.vstring('gpu-*'),
      TryToContinue: cms.untracked.vstring('ProductNotFound'),
    });
    const options = process.toDescription().options;
    // The whole PSet replaced the earlier one: numberOfThreads is back to its default.
    expect(options.numberOfThreads).toBe(1);
    expect(options.numberOfStreams).toBe(2);
    expect(options.parameters.entry('numberOfStreams')?.type).toBe('uint32');
    expect(options.accelerators).toEqual(['gpu-*']);
    expect(options.exceptionActions.tryToContinue).toEqual(['ProductNotFound']);
    process.options = cms.untracked.PSet({
      eventSetup: cms.untracked.PSet({ numberOfConcurrentIOVs: cms.untracked.uint32(2) }),
    });
    const eventSetup = process.toDescription().options.parameters.getUntrackedParameter<ParameterSet>('eventSetup');
    expect(eventSetup.getUntrackedParameter('numberOfConcurrentIOVs')).toBe(2);
    expect(eventSetup.exists('forceNumberOfConcurrentIOVs')).toBe(true);
    process.options = { numberOfThreads: 8 };
    expect(process.toDescription().options.numberOfThreads).toBe(8);
    process.options.numberOfThreads = cms.int32(3);
    expect(process.toDescription().options.parameters.entry('numberOfThreads')).toEqual({
      type: 'uint32',
      tracked: false,
      value: 3,
    });
  });

  test('an unknown option is refused naming the known ones', () => {
    const process = cms.Process('TEST');
    expect(() => {
      process.options.numberOfThread = cms.untracked.uint32(4);
    }).toThrow(
      "Illegal parameter found in configuration.  The parameter is named:\n 'numberOfThread'\nprocess.options knows only: numberOfThreads, numberOfStreams, numberOfConcurrentRuns,",
    );
    expect(() => {
      process.options = cms.untracked.PSet({ wantSumary: cms.untracked.bool(true) });
    }).toThrow("'wantSumary'");
    expect(() => {
      process.options.numberOfThreads = -1;
    }).toThrow('Parameter "numberOfThreads" of type uint32: -1 is outside the range of uint32 [0, 4294967295].');
  });

  test('maxEvents: -1 by default, set by attribute or by a whole PSet', () => {
    const process = cms.Process('TEST');
    expect(process.toDescription().maxEvents).toEqual({ input: -1 });
    process.maxEvents.input = 10;
    expect(process.toDescription().maxEvents).toEqual({ input: 10 });
    process.maxEvents = cms.untracked.PSet({ input: cms.untracked.int32(20) });
    expect(process.toDescription().maxEvents).toEqual({ input: 20 });
    expect(() => {
      process.maxEvents = cms.untracked.PSet({ inputs: cms.untracked.int32(20) });
    }).toThrow(
      "Illegal parameter found in configuration.  The parameter is named:\n 'inputs'\nprocess.maxEvents knows only: input, output.",
    );
  });

  test('source must be a cms.Source and is labelled source; schedule must be a cms.Schedule', () => {
    const process = cms.Process('TEST');
    process.source = cms.Source('EmptySource', { firstRun: cms.untracked.uint32(2) });
    const source = process.toDescription().source;
    expect(source?.label).toBe('source');
    expect(source?.parameters.getParameter('@module_edm_type')).toBe('Source');
    expect(source?.parameters.getUntrackedParameter('firstRun')).toBe(2);
    expect(() => {
      process.source = cms.EDProducer('T');
    }).toThrow("process.source must be a cms.Source, got <class 'Module'>.");
    expect(() => {
      process.other = cms.Source('EmptySource');
    }).toThrow('A cms.Source is assigned to process.source, not to process.other.');
    expect(() => {
      process.schedule = cms.Path() as never;
    }).toThrow("process.schedule must be a cms.Schedule, got <class 'Path'>.");
  });
});
