// Engine-level types shared by the rules, the CLI and the language server.
import type { DocumentKind, PlanDocument, Span } from './model/types.js';

export type Severity = 'error' | 'warning' | 'info' | 'off';
export type Locale = 'zh' | 'en';

export interface TextEdit {
  span: Span; // offsets into the linted text
  text: string;
}

export interface Fix {
  /** what the fix does, localised: `改为“一、”` */
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  /** stable key of the message template: `numbering-sequence/gap` */
  messageKey: string;
  /** message in the requested locale */
  message: string;
  /** the template's arguments, for clients that render their own */
  data: Record<string, string | number>;
  span: Span;
  /** a safe fix: `fengong check --fix` applies it, so it changes nothing but what it names */
  fix?: Fix;
  /** fixes that need a person's eye (offered as quick fixes in the editor, never applied by --fix) */
  suggestions?: Fix[];
  /** the engine assumed something to report this (a title broken by an export, glued text) */
  uncertain?: boolean;
  /** other places that explain this one (a bracket's partner, the first of two duplicates) */
  related?: { span: Span; message: string }[];
}

/** A message template, Chinese first; `{name}` placeholders are filled from the report's data. */
export interface Message {
  zh: string;
  en: string;
}

export interface RuleMeta<Id extends string = string> {
  id: string;
  description: { zh: string; en: string };
  defaultSeverity: Severity;
  fixable: boolean;
  /** anchor in docs/rules.md */
  docs: string;
  /** what the rule checks and why, Markdown, Chinese then English: the body of its section in
   *  docs/rules.md (generated with the messages, options and the examples from its fixtures) */
  details: string;
  /** JSON schema (draft 2020-12) of the rule's options, if it takes any */
  optionsSchema?: Record<string, unknown>;
  /** the rule's messages by messageId (ESLint's `meta.messages`); a diagnostic's messageKey is
   *  `<rule id>/<messageId>`, stable because clients and baselines name it */
  messages: Record<Id, Message>;
}

/** What a rule reports: the engine adds the rule id, the severity and the localised message. */
export type Report<Id extends string = string> = Omit<Diagnostic, 'ruleId' | 'severity' | 'message' | 'messageKey'> & {
  messageId: Id;
  severity?: Diagnostic['severity'];
};

export interface RuleContext<Id extends string = string> {
  plan: PlanDocument;
  locale: Locale;
  options: Record<string, unknown>;
  severity: Exclude<Severity, 'off'>;
  config: EngineConfig;
  report(d: Report<Id>): void;
}

export interface Rule<Id extends string = string> {
  meta: RuleMeta<Id>;
  check(ctx: RuleContext<Id>): void;
}

/** Extra role keywords (`units.roles` in config) merged with the built-in ones. */
export interface RoleKeywords {
  lead: string[];
  responsible: string[];
  cooperating: string[];
  guiding: string[];
}

/** The resolved configuration the engine sees: no I/O, no globs — the CLI/server resolved those. */
export interface EngineConfig {
  rules: Record<string, { severity: Severity; options: Record<string, unknown> }>;
  documentKind?: 'auto' | DocumentKind;
  /** extra section headings that hold no tasks (added to 总体要求, 指导思想, …) */
  nonTaskSections: string[];
  roleKeywords: Partial<RoleKeywords>;
  /** canonical unit names and their aliases: `{"办公室": ["厅办公室"]}` */
  units?: Record<string, string[]>;
  locale: Locale;
  /** a hint from the source, not from a config file: the lines (0-based, inclusive) an office
   *  file itself marks as the title (Word's Title/标题 style, a centred large first paragraph) —
   *  taken as the title before any guess from the text */
  titleLines?: { first: number; last: number };
}

export interface LintResult {
  plan: PlanDocument;
  diagnostics: Diagnostic[];
}

/** `auto`: the genre from the title and the body (FORMAT.md §5); the others set it */
export const DOCUMENT_KINDS = ['auto', 'plan', 'report', 'regulation', 'notice', 'other'] as const;
