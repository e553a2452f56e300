import { type Settings } from '../settings/schema.js';
import { type OptionDevice } from '../settings/options.js';
import { type AdrModel } from '../inf/adr.js';
import { type LogModel } from '../inf/log.js';
import { type HbiModel } from '../inf/hbi.js';

/** The whole configuration: what the settings window edits and the service consumes. */
export interface Config {
  settings: Settings;
  optionDevices: OptionDevice[];
  /** A definition file that is absent stays absent (AMHTPLOG/AMHTPHBI are optional). */
  inf: { adr?: AdrModel; log?: LogModel; hbi?: HbiModel };
}
