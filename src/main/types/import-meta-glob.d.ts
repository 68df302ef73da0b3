// import.meta.glob, which the bundler (vite, and vitest) resolves at build time: the feature registry uses it.
interface ImportMeta {
  glob<M = unknown>(pattern: string, options: { eager: true; import?: string }): Record<string, M>;
}
