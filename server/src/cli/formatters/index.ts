import type { FileResult, FormatContext } from '../results.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { github } from './github.js';

export const FORMATTERS: Record<string, (r: FileResult[], ctx: FormatContext) => string> = { stylish, json, sarif, github };
