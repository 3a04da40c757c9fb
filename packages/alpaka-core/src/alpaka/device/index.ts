// CMSSW's `device::` names of the alpaka layer: what an alpaka module's methods receive and its tokens.
export { EDGetToken, EDPutToken } from './ed-tokens';
export { ESGetToken } from './es-get-token';
export { Event } from './event';
export { EventSetup } from './event-setup';
export { Record } from './record';
