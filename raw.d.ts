// Text assets (Handlebars templates, scripts embedded in SVG) are imported with `?raw`;
// binary assets (wasm, fonts) with `?binary`. Vite/Vitest and our esbuild plugin both honour these.
declare module '*?raw' {
  const text: string;
  export default text;
}
declare module '*?binary' {
  const bytes: Uint8Array;
  export default bytes;
}
