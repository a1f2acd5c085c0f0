// Brackets (GB/T 15834-2011 §4.9): the pairs, and the ones a unit clause may use.

/** opener → closer of every pair the engine checks */
export const PAIRS: Readonly<Record<string, string>> = {
  '（': '）', '(': ')', '〔': '〕', '［': '］', '[': ']', '【': '】', '《': '》', '〈': '〉', '“': '”', '‘': '’', '「': '」', '『': '』',
};

/** brackets a unit clause is written in: `（…牵头）` `〔各司（局）按职责分工负责〕` */
export const CLAUSE_BRACKETS = '（(〔［[【';
export const CLAUSE_CLOSERS = '）)〕］]】';

/** punctuation that ends a clause or sentence inside a paragraph */
export const SENTENCE_END = '。.；;';
export const GROUP_SEPARATORS = '，,；;';
