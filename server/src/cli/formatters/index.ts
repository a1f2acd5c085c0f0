import type { FileResult, FormatContext } from '../results.js';
import type { CHECK_FORMATS } from '../options.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { junit } from './junit.js';

export const FORMATTERS: Record<(typeof CHECK_FORMATS)[number], (r: FileResult[], ctx: FormatContext) => string> & Record<string, (r: FileResult[], ctx: FormatContext) => string> =
  { stylish, json, sarif, github, gitlab, junit };
