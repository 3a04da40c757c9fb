import { isFrameworkError, ParameterSet } from '@alpaka-ts/core';
import { describe, expect, it } from 'vitest';
import { backendParameter, backendParameterDescription, backendParameterKey } from '../src/modules/backend-parameter';

const sizes = (entries: Record<string, number>) => {
  const perBackend = new ParameterSet();
  for (const [key, value] of Object.entries(entries)) perBackend.addParameter(key, 'int32', value);
  const parameters = new ParameterSet();
  parameters.addParameter('size', 'PSet', perBackend);
  return { parameters, perBackend };
};

describe('per-backend PSets', () => {
  it("read only the running backend's key, alpaka_<backend name>", () => {
    const { parameters } = sizes({ alpaka_serial_sync: 10, alpaka_cuda_async: 20, alpaka_rocm_async: 30 });
    expect(backendParameterKey({ name: 'serial_sync' })).toBe('alpaka_serial_sync');
    expect(backendParameter<number>(parameters, 'size', { name: 'serial_sync' })).toBe(10);
    expect(backendParameter<number>(parameters, 'size', { name: 'cuda_async' })).toBe(20);
    expect(backendParameter<number>(parameters, 'size', { name: 'rocm_async' })).toBe(30);
  });

  it('a backend without a key is a Configuration error naming the PSet and the key', () => {
    const { parameters } = sizes({ alpaka_serial_sync: 10 });
    let thrown: unknown;
    try {
      backendParameter(parameters, 'size', { name: 'mock_async' });
    } catch (error) {
      thrown = error;
    }
    expect(isFrameworkError(thrown) && thrown.category).toBe('Configuration');
    expect((thrown as Error).message).toMatch(/'size' has no value for the running backend: 'alpaka_mock_async'/);
  });

  it("the description requires CMSSW's three keys and takes a third-party backend's key of the same type", () => {
    const description = backendParameterDescription('int32');
    description.validate(
      sizes({ alpaka_serial_sync: 1, alpaka_cuda_async: 2, alpaka_rocm_async: 3, alpaka_mock_async: 4 }).perBackend,
    );
    expect(() => description.validate(sizes({ alpaka_serial_sync: 1, alpaka_cuda_async: 2 }).perBackend)).toThrow(
      /alpaka_rocm_async/,
    );
    const withDefault = backendParameterDescription('double', 0);
    const empty = new ParameterSet();
    withDefault.validate(empty);
    expect(empty.getParameter<number>('alpaka_cuda_async')).toBe(0);
  });
});
