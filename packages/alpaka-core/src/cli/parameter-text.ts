import { EventRange } from '../event/event-range';
import { LuminosityBlockRange } from '../event/luminosity-block-range';
import { ESInputTag } from '../parameter-set/es-input-tag';
import { InputTag } from '../parameter-set/input-tag';
import type { ParameterTypeName, ParameterValue } from '../parameter-set/parameter-type';

/**
 * A parameter's value from command-line text, for the type the parameter already has (`--set
 * source.firstEvent=26`): integers and doubles as written, 64-bit integers exactly, `true`/`false`, a string as
 * it is, tags and ranges in their configuration form, and vectors as comma-separated elements (`''` is empty).
 * Returns an Error saying what was expected when the text does not fit; PSets and VPSets are not set this way.
 */
export function parseParameterText(type: ParameterTypeName, text: string): ParameterValue | Error {
  switch (type) {
    case 'int32':
    case 'uint32':
    case 'double': {
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value)) return new Error(`expected a number, got "${text}"`);
      return value;
    }
    case 'int64':
    case 'uint64':
      return /^[+-]?\d+$/.test(text.trim()) ? BigInt(text.trim()) : new Error(`expected an integer, got "${text}"`);
    case 'bool':
      if (text === 'true' || text === 'True') return true;
      if (text === 'false' || text === 'False') return false;
      return new Error(`expected true or false, got "${text}"`);
    case 'string':
      return text;
    case 'InputTag':
      return attempt(() => InputTag.parse(text));
    case 'ESInputTag':
      return attempt(() => ESInputTag.parse(text));
    case 'EventRange':
      return attempt(() => EventRange.parse(text));
    case 'LuminosityBlockRange':
      return attempt(() => LuminosityBlockRange.parse(text));
    case 'PSet':
    case 'VPSet':
      return new Error(`a ${type} is not set from the command line; set its parameters one by one (name.inner=value)`);
    default: {
      // vint32 → int32, VInputTag → InputTag, VEventRange → EventRange.
      const elementType = type.slice(1) as ParameterTypeName;
      const elements = text === '' ? [] : text.split(',');
      const values: unknown[] = [];
      for (const element of elements) {
        const value = parseParameterText(elementType, element.trim());
        if (value instanceof Error) return value;
        values.push(value);
      }
      return values as ParameterValue;
    }
  }
}

function attempt(parse: () => ParameterValue): ParameterValue | Error {
  try {
    return parse();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
