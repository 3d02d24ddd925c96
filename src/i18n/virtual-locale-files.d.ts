declare module 'virtual:werkvloer/locale-files' {
  /** Per language: the built URL of each of the trainee app's text files, by namespace (scripts/vite-locale-files.ts). */
  export const localeFiles: Record<string, () => Promise<Record<string, string>>>;
}
