#!/usr/bin/env node
// The alpaka-layer benchmark on serial_sync (issue 16): see alpaka-pipeline-benchmark.mjs for what it measures.
// Usage: node tools/benchmarks/alpaka-pipeline.mjs [events=100] [rounds=5] [streams=1,4]   (after building @alpaka-ts/core)
import { serialBackend } from '@alpaka-ts/backend-serial';
import { registerBackend } from '@alpaka-ts/interface';
import { printPipelineResults, runPipelineBenchmark } from './alpaka-pipeline-benchmark.mjs';

registerBackend(serialBackend);
const events = Number(process.argv[2] ?? 100);
const rounds = Number(process.argv[3] ?? 5);
const streamCounts = (process.argv[4] ?? '1,4').split(',').map(Number);
printPipelineResults(await runPipelineBenchmark({ backendName: 'serial_sync', events, rounds, streamCounts }));
