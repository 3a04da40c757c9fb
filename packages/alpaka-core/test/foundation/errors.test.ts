import { describe, expect, it } from 'vitest';
import { convertException } from '../../src/errors/convert-exception';
import { edmErrorCodes, exitCodeOfCategory } from '../../src/errors/exception-categories';
import { formatFatalException } from '../../src/errors/fatal-exception';
import { FrameworkError, isFrameworkError } from '../../src/errors/framework-error';

describe('FrameworkError', () => {
  it('carries the exit code of its category, 8001 for a free cms::Exception category', () => {
    expect(new FrameworkError('ProductNotFound', 'x').exitCode).toBe(8006);
    expect(new FrameworkError('Configuration', 'x').exitCode).toBe(8009);
    expect(new FrameworkError('UnavailableAccelerator', 'x').exitCode).toBe(8035);
    expect(new FrameworkError('Assert', 'x').exitCode).toBe(8001);
    expect(exitCodeOfCategory('CaughtSignal')).toBe(9000);
    expect(Object.keys(edmErrorCodes)).toHaveLength(42);
  });

  it('prints contexts outermost first in explainSelf, as CMSSW does', () => {
    const error = new FrameworkError(
      'ProductNotFound',
      'Principal::getByToken: Found zero products matching all criteria\n',
    )
      .addContext("Calling method for module IntProducer/'producer'")
      .addContext("Running path 'p'")
      .addContext('Processing  Event run: 1 lumi: 1 event: 891 stream: 0');
    expect(error.explainSelf()).toBe(
      "An exception of category 'ProductNotFound' occurred while\n" +
        '   [0] Processing  Event run: 1 lumi: 1 event: 891 stream: 0\n' +
        "   [1] Running path 'p'\n" +
        "   [2] Calling method for module IntProducer/'producer'\n" +
        'Exception Message:\n' +
        'Principal::getByToken: Found zero products matching all criteria\n',
    );
  });

  it('frames a fatal exception and adds the TryToContinue hint for ProductNotFound only', () => {
    const date = new Date(Date.UTC(2026, 11, 1, 22, 15, 11));
    const text = formatFatalException(new FrameworkError('ProductNotFound', 'missing'), date);
    expect(text.startsWith('----- Begin Fatal Exception 01-Dec-2026 22:15:11 UTC-----------------------\n')).toBe(true);
    expect(text.endsWith('----- End Fatal Exception -------------------------------------------------\n')).toBe(true);
    expect(text).toContain("TryToContinue = cms.untracked.vstring('ProductNotFound')");
    expect(formatFatalException(new FrameworkError('LogicError', 'x'), date)).not.toContain('TryToContinue');
  });
});

describe('convertException', () => {
  it('wraps what a module throws as CMSSW wraps foreign exceptions', () => {
    const std = convertException(new TypeError('bad thing'));
    expect([std.category, std.exitCode]).toEqual(['StdException', 8002]);
    expect(std.message).toBe('A std::exception was thrown.\nTypeError: bad thing');
    expect(convertException(new Error('plain')).message).toBe('A std::exception was thrown.\nplain');
    expect(convertException('text').category).toBe('BadExceptionType');
    expect(convertException(42).category).toBe('Unknown');
    expect(convertException(new RangeError('Array buffer allocation failed')).category).toBe('BadAlloc');
    const original = new FrameworkError('Configuration', 'as is');
    expect(convertException(original)).toBe(original);
    expect(isFrameworkError(std)).toBe(true);
    expect(isFrameworkError(new Error('no'))).toBe(false);
  });
});
