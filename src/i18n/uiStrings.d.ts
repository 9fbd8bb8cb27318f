// The strings served by the ui-strings plugin of vite.config.ts.
declare module 'virtual:ui-strings' {
  type Loader = () => Promise<{ default: object }>;
  export const loaders: Readonly<Record<string, Readonly<Record<string, Loader>>>>;
}
declare module 'virtual:ui-strings/en/translation' {
  const strings: object;
  export default strings;
}
