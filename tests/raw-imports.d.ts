// Vite's `?raw` imports (a file's text as a string), for the unit tests that import browser modules
// using them; the browser project gets the same declaration from `vite/client`.
declare module '*?raw' {
  const text: string;
  export default text;
}
