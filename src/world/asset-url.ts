/** The served URL of a file under assets/ that the build copies as is (pictograms, audio: scripts/vite-local-assets.ts). */
export function assetUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\/+/, '')}`;
}
