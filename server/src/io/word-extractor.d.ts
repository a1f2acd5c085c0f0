// word-extractor ships no types: the part of its API docx.ts uses.
declare module 'word-extractor' {
  interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}

// its OLE compound-file reader, for the FIB of a .doc (docx.ts docUsesLists)
declare module 'word-extractor/lib/ole-compound-doc.js';
declare module 'word-extractor/lib/buffer-reader.js';
