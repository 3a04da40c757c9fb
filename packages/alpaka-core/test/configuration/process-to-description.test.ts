import { describe, expect, test } from 'vitest';
import { cms } from '../../src/configuration/cms';
import type { PathDescription } from '../../src/configuration/process-description';
import { FrameworkError } from '../../src/errors/framework-error';

function entries(path: PathDescription | undefined): string[] {
  const prefix = { normal: '', veto: '!', ignore: '-', wait: '|', waitAndIgnore: '+' } as const;
  return (path?.entries ?? []).map((entry) => `${prefix[entry.operator]}${entry.label}`);
}

function processWithModules() {
  const process = cms.Process('TEST');
  for (const label of ['a', 'b', 'c', 'd', 'e', 'g']) process[label] = cms.EDProducer('IntProducer');
  process.f = cms.EDFilter('IntFilter');
  process.out = cms.OutputModule('TestOutputModule');
  return process;
}

describe('toDescription', () => {
  test("modules carry CMSSW's @module_label, @module_type and @module_edm_type first, then their parameters", () => {
    const process = cms.Process('TEST');
    process.producer = cms.EDProducer('IntProducer', { ivalue: cms.int32(5) });
    process.p = cms.Path(process.producer);
    const module = process.toDescription().modules.get('producer');
    expect(module?.type).toBe('IntProducer');
    expect(module?.edmType).toBe('EDProducer');
    expect(module?.parameters.names()).toEqual(['@module_label', '@module_type', '@module_edm_type', 'ivalue']);
    expect(module?.parameters.entry('@module_label')).toEqual({ type: 'string', tracked: true, value: 'producer' });
    expect(module?.parameters.getParameter('@module_type')).toBe('IntProducer');
    expect(module?.parameters.getParameter('@module_edm_type')).toBe('EDProducer');
  });

  test("Sequences are flattened into the path with each entry's operator (veto, ignore, wait, both)", () => {
    const process = processWithModules();
    process.inner = cms.Sequence(process.c, cms.veto(process.f));
    process.seq = cms.Sequence(process.b, process.inner);
    process.p = cms.Path(
      process.a,
      process.seq,
      cms.ignore(process.f),
      cms.wait(process.d),
      cms.wait(cms.ignore(process.e)),
      cms.ignore(cms.wait(process.g)),
    );
    expect(entries(process.toDescription().paths[0])).toEqual(['a', 'b', 'c', '!f', '-f', '|d', '+e', '+g']);
  });

  test('cms.ignore and cms.wait of a Sequence apply to each of its modules', () => {
    const process = processWithModules();
    process.seq = cms.Sequence(process.a, cms.wait(process.b));
    process.p = cms.Path(cms.ignore(process.seq));
    expect(entries(process.toDescription().paths[0])).toEqual(['-a', '+b']);
    expect(() => cms.veto(process.seq)).toThrow("cms.veto takes a module, not <class 'Sequence'>.");
    expect(() => cms.ignore(cms.veto(process.f))).toThrow('cms.ignore cannot be applied to cms.veto(…).');
  });

  test('without a Schedule: paths then endpaths in definition order; with one: its order, and only its paths', () => {
    const process = processWithModules();
    process.e1 = cms.EndPath(process.out);
    process.p1 = cms.Path(process.a);
    process.p2 = cms.Path(process.b);
    let description = process.toDescription();
    expect(description.paths.map((path) => path.name)).toEqual(['p1', 'p2']);
    expect(description.endPaths.map((path) => path.name)).toEqual(['e1']);
    process.schedule = cms.Schedule(process.p2, process.e1);
    description = process.toDescription();
    expect(description.paths.map((path) => path.name)).toEqual(['p2']);
    process.schedule.insert(0, process.p1);
    expect(process.toDescription().paths.map((path) => path.name)).toEqual(['p1', 'p2']);
    process.schedule = cms.Schedule(process.p2, process.e1);
    expect(description.endPaths.map((path) => path.name)).toEqual(['e1']);
    // a is only on p1, which the Schedule leaves out: it never runs, so it is not in the description.
    expect([...description.modules.keys()]).toEqual(['b', 'out']);
  });

  test('unscheduled modules: in a Task associated with a Path, EndPath, Sequence or Schedule, and on no path', () => {
    const process = processWithModules();
    process.inner = cms.Task(process.d);
    process.t = cms.Task(process.b, process.inner, process.a);
    process.seqTask = cms.Task(process.e);
    process.seq = cms.Sequence(process.c, process.seqTask);
    process.p = cms.Path(process.a, process.seq, process.t);
    process.lone = cms.Task(process.g);
    let description = process.toDescription();
    expect(entries(description.paths[0])).toEqual(['a', 'c']);
    expect(description.unscheduledModules).toEqual(['b', 'd', 'e']);
    // g is in a Task that nothing schedules; f and out are nowhere: none of them runs.
    expect([...description.modules.keys()]).toEqual(['a', 'b', 'c', 'd', 'e']);
    process.schedule = cms.Schedule(process.p).associate(process.lone);
    description = process.toDescription();
    expect(description.unscheduledModules).toEqual(['g', 'b', 'd', 'e']);
    // Python's tasks=[…] argument: a Task among the Schedule's arguments is associated.
    process.schedule = cms.Schedule(process.lone, process.p);
    expect(process.toDescription().unscheduledModules).toEqual(['g', 'b', 'd', 'e']);
    expect(() => cms.Schedule(process.a)).toThrow("A Schedule holds Paths, EndPaths and Tasks, not <class 'Module'>.");
    process.p.associate(process.lone);
    expect(process.p.tasks_().length).toBe(2);
  });

  test('ES modules are all kept, in definition order, and never in the event modules', () => {
    const process = cms.Process('TEST');
    process.esb = cms.ESSource('EmptyESSource', { recordName: cms.string('TestRecord') });
    process.esa = cms.ESProducer('TestESProducer');
    const description = process.toDescription();
    expect(description.eventSetupModules.map((module) => [module.label, module.edmType])).toEqual([
      ['esb', 'ESSource'],
      ['esa', 'ESProducer'],
    ]);
    expect(description.modules.size).toBe(0);
  });

  test("a path naming a module the process does not hold is CMSSW's 8009", () => {
    const other = cms.Process('OTHER');
    other.x = cms.EDProducer('IntProducer');
    const process = cms.Process('TEST');
    process.p = cms.Path(other.x);
    let caught: unknown;
    try {
      process.toDescription();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FrameworkError);
    expect((caught as FrameworkError).category).toBe('Configuration');
    expect((caught as FrameworkError).exitCode).toBe(8009);
    expect((caught as FrameworkError).message).toBe(
      'The unknown module label "x" appears in path "p"\n please check spelling or remove that label from the path.',
    );
    const deleted = processWithModules();
    deleted.p = cms.Path(deleted.a, deleted.b);
    delete deleted.b;
    expect(() => deleted.toDescription()).toThrow(
      'The unknown module label "b" appears in path "p"\n please check spelling or remove that label from the path.',
    );
  });

  test('an unlabelled module on a path, or a non-module in one, is refused', () => {
    const process = cms.Process('TEST');
    process.p = cms.Path(cms.EDProducer('IntProducer'));
    expect(() => process.toDescription()).toThrow(
      "A module of type 'IntProducer' in path \"p\" has no label.  Perhaps it wasn't inserted into the process?",
    );
    expect(() => cms.Path(cms.ESProducer('X'))).toThrow(
      'A Path can hold EDProducers, EDFilters, EDAnalyzers, OutputModules, Sequences, Tasks and cms.veto/ignore/wait of them, not an ESProducer.',
    );
    expect(() => cms.Path(process.neverAssigned)).toThrow(
      'A Path can hold EDProducers, EDFilters, EDAnalyzers, OutputModules, Sequences, Tasks and cms.veto/ignore/wait of them, not undefined (a process label read before anything was assigned to it?).',
    );
    expect(() => cms.Task(cms.int32(1) as never)).toThrow(
      "Only modules and other Tasks can be added to a Task, not <class 'Parameter'>.",
    );
  });

  test("append, insert and remove edit a path as Python's +=, insert and remove", () => {
    const process = processWithModules();
    process.p = cms.Path(process.a);
    process.p.append(process.b, process.c);
    process.p.insert(0, process.d);
    expect(process.p.remove(process.b)).toBe(true);
    expect(entries(process.toDescription().paths[0])).toEqual(['d', 'a', 'c']);
    expect(() => {
      process.p.typo = cms.int32(1);
    }).toThrow(TypeError);
    // A copy holds the same items, unlabelled; Paths have no parameters to override.
    process.q = process.p.clone();
    expect(entries(process.toDescription().paths[1])).toEqual(['d', 'a', 'c']);
    expect(() => process.p.clone({ x: cms.int32(1) })).toThrow(
      'A Path has no parameters to override; clone() it without arguments.',
    );
  });
});
