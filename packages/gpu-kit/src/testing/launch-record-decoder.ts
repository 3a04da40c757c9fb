import { launchRecordHeaderBytes, maximumKernelParameters } from '../launch-plan';

/** One launch record as native/gpu-addon.h's readLaunchRecord reads it. */
export interface DecodedLaunchRecord {
  /** The kernel's function handle (CUfunction, hipFunction_t). */
  readonly function: bigint;
  /** The stream it is enqueued on (CUstream, hipStream_t). */
  readonly stream: bigint;
  /** The device's ordinal. */
  readonly device: number;
  /** x, y, z */
  readonly grid: readonly number[];
  /** x, y, z */
  readonly block: readonly number[];
  /** The dynamic shared memory the launch asks for. */
  readonly sharedBytes: number;
  /**
   * Each parameter's bytes, from its offset to the next parameter's (the last one to the record's end). Copies:
   * launch-plan.ts reuses the record for the next launch.
   */
  readonly parameters: readonly DataView[];
}

/**
 * Decodes a launch record (launch-plan.ts writes it) the way native/gpu-addon.h does, with the same checks, so a
 * stand-in addon refuses what the real one would: a record shorter than its header, a header whose parameter
 * count or argument offset is inconsistent, a parameter outside the arguments.
 */
export function decodeLaunchRecord(record: ArrayBuffer): DecodedLaunchRecord {
  if (record.byteLength < launchRecordHeaderBytes) throw new Error('internal error: the launch record is too short');
  const words = new Uint32Array(record, 0, launchRecordHeaderBytes / 4);
  const word = (index: number) => words[index] ?? 0;
  const u64 = (low: number) => BigInt(word(low)) | (BigInt(word(low + 1)) << 32n);
  const count = word(12);
  const argumentsAt = word(13);
  if (
    count > maximumKernelParameters ||
    launchRecordHeaderBytes + 4 * count > argumentsAt ||
    argumentsAt > record.byteLength
  )
    throw new Error("internal error: the launch record's header is inconsistent");
  const argumentBytes = record.byteLength - argumentsAt;
  const offsets = [...new Uint32Array(record, launchRecordHeaderBytes, count)];
  for (const offset of offsets)
    if (offset >= argumentBytes) throw new Error('internal error: a launch argument lies outside the record');
  const ends = [...offsets.slice(1), argumentBytes];
  return {
    function: u64(0),
    stream: u64(2),
    device: word(4),
    grid: [word(5), word(6), word(7)],
    block: [word(8), word(9), word(10)],
    sharedBytes: word(11),
    parameters: offsets.map(
      (offset, index) => new DataView(record.slice(argumentsAt + offset, argumentsAt + (ends[index] ?? offset))),
    ),
  };
}
