import { describe, expect, it } from 'vitest';
import type { ProcessDescription } from '../../src/configuration/process-description';
import { ensureAvailableAccelerators } from '../../src/scheduling/ensure-available-accelerators';
import { createEventProcessor } from '../../src/scheduling/event-processor';
import { makeProcess, makeRegistry } from './make-process';

function withAccelerators(accelerators: string[]): ProcessDescription {
  const description = makeProcess({ maxEvents: 1 });
  return { ...description, options: { ...description.options, accelerators } };
}

describe('process.options.accelerators (ensureAvailableAccelerators)', () => {
  it('selects the available accelerators matching the glob patterns', async () => {
    expect(ensureAvailableAccelerators(['*'], ['cpu', 'gpu-nvidia'])).toEqual(['cpu', 'gpu-nvidia']);
    expect(ensureAvailableAccelerators(['gpu-*'], ['cpu', 'gpu-nvidia'])).toEqual(['gpu-nvidia']);
    const processor = await createEventProcessor(withAccelerators(['cpu', 'gpu-*']), { registry: makeRegistry() });
    expect(processor.selectedAccelerators).toEqual(['cpu']);
  });

  it("refuses a job whose patterns match nothing on this machine with CMSSW's message (8035)", async () => {
    await expect(
      createEventProcessor(withAccelerators(['gpu-nvidia']), { registry: makeRegistry() }),
    ).rejects.toMatchObject({
      category: 'UnavailableAccelerator',
      exitCode: 8035,
      message:
        'The system has no compute accelerators that match the patterns specified in process.options.accelerators:\n' +
        ' gpu-nvidia\n\nThe following compute accelerators are available:\n cpu\n',
    });
  });
});
