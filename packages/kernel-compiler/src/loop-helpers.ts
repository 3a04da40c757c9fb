import type { LoopHelper } from './ir';

/**
 * The acc loop helpers a kernel's for…of runs over, each with the axes it walks: the only one of a 1D work
 * division ('first'), the one its first argument names ('given'), or every axis ('every'). The one list of them:
 * the front end and every emitter read it (the IR's LoopHelper type makes it name each helper exactly once).
 */
export const loopHelperAxes: Readonly<Record<LoopHelper, 'first' | 'given' | 'every'>> = {
  uniformElements: 'first',
  uniformElementsAlong: 'given',
  uniformElementsND: 'every',
  uniformGroups: 'first',
  uniformGroupElements: 'first',
  independentGroups: 'first',
  independentGroupElements: 'first',
};

export const loopHelpers = Object.keys(loopHelperAxes) as readonly LoopHelper[];

export const isLoopHelper = (name: string | undefined): name is LoopHelper =>
  name !== undefined && Object.hasOwn(loopHelperAxes, name);
