/** Which environment a config file is for: a base rule (the client uses it too), re-exported for the config area. */
export { environmentOf } from '../base/environment';
