import { i32 } from '@alpaka-ts/interface';
import { defineStruct } from '@alpaka-ts/portable';

/** cms::alpakatest::UpdateInfo { int x, y, z; }: what TestAlgo::update adds (x) to a collection. */
export const UpdateInfo = defineStruct('UpdateInfo', { x: i32, y: i32, z: i32 });
