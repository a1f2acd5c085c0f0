// Which files a `fengong check` run looks at: the arguments expanded by io (files, folders,
// globs), with each folder's nearest .fengongrc.json deciding, as ESLint's flat config does,
// which files a folder means (`files`) and which files and folders are left out (`ignore`).
// Globs are relative to the config's folder. A file named on the command line is checked whatever
// its name, unless its config ignores it (then a note says so).
import { dirname, relative, resolve, sep } from 'node:path';
import { configGlobMatcher, findConfigFile, loadConfigFile } from '../config/load.js';
import { expandInputs, type FileError } from '../io/files.js';

export interface SelectOptions {
  cwd: string;
  followSymlinks: boolean;
  /** --ignore globs, relative to cwd */
  ignore?: string[];
  /** --config: one config for every file */
  configPath?: string;
}

export interface Selection {
  files: string[];
  /** each file's real path, as the walk found it */
  reals: Map<string, string>;
  errors: FileError[];
  /** named on the command line but ignored by their config */
  ignoredNamed: { file: string; config: string }[];
}

interface Globs {
  base: string;
  files?: (rel: string) => boolean;
  ignore?: (rel: string) => boolean;
}

export async function selectFiles(args: string[], opts: SelectOptions): Promise<Selection> {
  const globsOf = configGlobs(opts.configPath);
  const governed = (abs: string): { g: Globs; rel: string } | undefined => {
    const g = globsOf(dirname(abs));
    if (!g) return undefined;
    const rel = relative(g.base, abs).split(sep).join('/');
    return rel.startsWith('../') || rel === '..' ? undefined : { g, rel };
  };
  const ignored = (abs: string): boolean => {
    const hit = governed(abs);
    return !!hit?.g.ignore && (hit.g.ignore(hit.rel) || hit.g.ignore(hit.rel + '/'));
  };
  const accept = (abs: string): boolean => {
    const hit = governed(abs);
    if (hit?.g.files) return hit.g.files(hit.rel);
    const lower = abs.toLowerCase();
    return lower.endsWith('.txt') || lower.endsWith('.plan');
  };
  const { files, errors, reals } = await expandInputs(args, {
    cwd: opts.cwd, followSymlinks: opts.followSymlinks, ignore: opts.ignore, accept,
    // a folder is pruned by the config of the folder it is in: `ignore: ["草稿/"]`
    isIgnored: (abs) => ignored(abs),
  });
  const named = new Set(args.map((a) => resolve(opts.cwd, a)));
  const ignoredNamed: Selection['ignoredNamed'] = [];
  const kept = files.filter((f) => {
    if (!ignored(f)) return true;
    if (named.has(f)) ignoredNamed.push({ file: f, config: opts.configPath ?? findConfigFile(dirname(f))! });
    return false;
  });
  return { files: kept, reals, errors, ignoredNamed };
}

/** The `files`/`ignore` matchers that apply in a folder (cached per config file). */
function configGlobs(configPath?: string): (dir: string) => Globs | undefined {
  const cache = new Map<string, Globs | undefined>();
  return (dir) => {
    const path = configPath ? resolve(configPath) : findConfigFile(dir);
    if (!path) return undefined;
    if (cache.has(path)) return cache.get(path);
    const raw = loadConfigFile(path).raw; // a broken config is reported when its files are linted
    const g: Globs | undefined = raw ? {
      base: dirname(path),
      ...(raw.files?.length ? { files: configGlobMatcher(raw.files) } : {}),
      ...(raw.ignore?.length ? { ignore: configGlobMatcher(raw.ignore) } : {}),
    } : undefined;
    cache.set(path, g);
    return g;
  };
}
