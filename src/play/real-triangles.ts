/** The part of three's WebGLInfo that a draw reports to (renderer.info). */
export interface DrawInfo {
  update(count: number, mode: number, instanceCount: number): void;
}

const patched = new WeakSet<DrawInfo>();

/**
 * Makes `renderer.info` count what the GPU draws, not what a draw asked for. An instanced geometry
 * without instance attributes yet — troika's text before its glyphs arrive, a work order's reading
 * copy in its first frame — asks three for `instanceCount` Infinity; three passes that to
 * drawElementsInstanced, where WebGL converts it to a GLsizei, 0 (WebIDL `long`: ToInt32(Infinity)
 * = 0), and nothing is drawn. Unwrapped, three adds Infinity × triangles to its count and one frame's
 * triangle total becomes Infinity for good. Here a draw of a non-finite or negative number of
 * instances counts as the nothing it draws.
 */
export function countRealDraws(info: DrawInfo): void {
  if (patched.has(info)) return;
  patched.add(info);
  const update = info.update.bind(info);
  info.update = (count, mode, instanceCount) => update(count, mode, Number.isFinite(instanceCount) && instanceCount > 0 ? instanceCount : 0);
}
