import { describe, expect, it } from 'vitest';
import { applyParameterAssignments, parseAssignment } from '../../src/cli/parameter-assignments';
import { parseParameterText } from '../../src/cli/parameter-text';
import { cms } from '../../src/configuration/cms';
import type { ProcessDescription } from '../../src/configuration/process-description';
import { EventRange } from '../../src/event/event-range';
import type { ParameterSet } from '../../src/parameter-set/parameter-set';

function description(): ProcessDescription {
  const process = cms.Process('SPLIT');
  process.source = cms.Source('EmptySource', { firstEvent: cms.untracked.uint32(1) });
  process.producer = cms.EDProducer('IntProducer', {
    ivalue: cms.int32(1),
    nested: cms.PSet({ size: cms.uint64(3), tag: cms.InputTag('a') }),
  });
  process.out = cms.OutputModule('ArrowOutputModule', {
    fileName: cms.untracked.string('all.arrow'),
    outputCommands: cms.untracked.vstring('keep *'),
  });
  process.p = cms.Path(process.producer);
  process.e = cms.EndPath(process.out);
  return process.toDescription();
}

const assign = (...texts: string[]) => texts.map((text) => parseAssignment(text) ?? { path: text, value: '' });
const parametersOf = (target: ProcessDescription, label: string): ParameterSet | undefined =>
  label === 'source' ? target.source?.parameters : target.modules.get(label)?.parameters;

describe('--set: per-job parameter values, as TweakPSet edits a PSet', () => {
  it("reads each value as the parameter's type and keeps its trackiness, nested PSets by dotted names", () => {
    const target = description();
    applyParameterAssignments(
      target,
      assign(
        'source.firstEvent=26',
        'producer.ivalue=-7',
        'producer.nested.size=9007199254740993',
        'producer.nested.tag=b:i:P',
        'out.fileName=job3.arrow',
        'out.outputCommands=drop *,keep *_producer_*_*',
      ),
    );
    expect(parametersOf(target, 'source')?.entry('firstEvent')).toEqual({ type: 'uint32', tracked: false, value: 26 });
    expect(parametersOf(target, 'producer')?.entry('ivalue')).toEqual({ type: 'int32', tracked: true, value: -7 });
    const nested = parametersOf(target, 'producer')?.getParameter<ParameterSet>('nested');
    expect(nested?.getParameter('size')).toBe(9007199254740993n);
    expect(nested?.getParameter<{ encode(): string }>('tag').encode()).toBe('b:i:P');
    expect(parametersOf(target, 'out')?.getUntrackedParameter('fileName')).toBe('job3.arrow');
    expect(parametersOf(target, 'out')?.getUntrackedParameter('outputCommands')).toEqual([
      'drop *',
      'keep *_producer_*_*',
    ]);
  });

  it.each([
    ['nobody.x=1', 'the configuration has no module labelled "nobody"'],
    ['source.lastEvent=1', 'source (EmptySource) has no parameter "lastEvent"'],
    ['producer.ivalue=seven', 'ivalue is tracked int32: expected a number, got "seven"'],
    ['producer.ivalue=2.5', 'ivalue is int32: an int32 must be an integer'],
    ['producer.ivalue.x=1', '"ivalue" is not a PSet parameter of producer'],
    ['producer.nested=1', 'a PSet is not set from the command line'],
  ])('refuses %s with a CommandLineProcessing error that says why, changing nothing', (text, why) => {
    const target = description();
    let thrown: unknown;
    try {
      applyParameterAssignments(target, assign('source.firstEvent=26', text));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toContain(`--set ${text}: `);
    expect((thrown as Error).message).toContain(why);
    expect((thrown as { exitCode?: number }).exitCode).toBe(7000);
    // The first, valid assignment was not applied either.
    expect(parametersOf(target, 'source')?.getUntrackedParameter('firstEvent')).toBe(1);
  });

  it('creates a parameter the module lacks when the assignment says how, and defers the others when asked', () => {
    const target = description();
    const deferred = applyParameterAssignments(
      target,
      [
        { path: 'source.fileNames', value: 'a.arrow,b.arrow', creates: { type: 'vstring', tracked: false } },
        { path: 'source.lastEvent', value: '1' },
      ],
      { deferAbsent: true },
    );
    expect(parametersOf(target, 'source')?.entry('fileNames')).toEqual({
      type: 'vstring',
      tracked: false,
      value: ['a.arrow', 'b.arrow'],
    });
    expect(deferred).toEqual([{ path: 'source.lastEvent', value: '1' }]);
  });

  it('parses LABEL.PARAMETER=VALUE at the first "=" and refuses text without a label or a parameter', () => {
    expect(parseAssignment('out.fileName=a=b.arrow')).toEqual({ path: 'out.fileName', value: 'a=b.arrow' });
    expect(parseAssignment('fileName=x')).toBeUndefined();
    expect(parseAssignment('out.fileName')).toBeUndefined();
    expect(parseAssignment('.x=1')).toBeUndefined();
  });

  it('reads ranges, booleans and empty vectors in their configuration forms', () => {
    const ranges = parseParameterText('VEventRange', '1:1-1:25, 1:30') as readonly EventRange[];
    expect(ranges.map((range) => range.encode())).toEqual(['1:1-1:25', '1:30']);
    expect(ranges[0]).toBeInstanceOf(EventRange);
    expect(parseParameterText('bool', 'True')).toBe(true);
    expect(parseParameterText('vint32', '')).toEqual([]);
    expect((parseParameterText('VEventRange', '1:5-1:2') as Error).message).toContain('ends before it starts');
    expect((parseParameterText('uint64', '1.5') as Error).message).toBe('expected an integer, got "1.5"');
  });
});
