// A .txt imported by the page's code is its text (esbuild's text loader, scripts/build-web.mjs).
declare module '*.txt' {
  const text: string;
  export default text;
}
