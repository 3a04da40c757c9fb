import { namedProductType } from '@alpaka-ts/core';

/** `bool` as an Event product (TestAlpakaVerifyObjectOnDevice puts one). */
export const boolProduct = namedProductType<boolean>('bool');
