import type { Plugin } from 'vite';

/** three.js's GLSL sources: every shader chunk and library shader, each a template literal in a module. */
const shaderModule = /\/three\/src\/renderers\/shaders\/(ShaderChunk|ShaderLib)\/[\w.]+\.glsl\.js$/;

/**
 * GLSL without its comments, indentation and blank lines. Every line break between code stays: the
 * preprocessor (`#include`, `#ifdef`, three's `#pragma unroll_loop_*`) works line by line. GLSL has
 * no string literals, so a comment is whatever `//` or `/*` starts.
 */
export function minifiedGlsl(source: string): string {
  let code = '';
  for (let i = 0; i < source.length; ) {
    if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      // An unclosed comment runs to the end, as it does for the GLSL compiler.
      i = end < 0 ? source.length : end + 2;
      code += ' ';
    } else if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else {
      code += source[i];
      i++;
    }
  }
  return code
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * three.js ships its shaders as commented, indented GLSL: ~36 KB gzip of the JavaScript before the
 * first frame (every station's, desktop and VR). Without comments and indentation they compile the
 * same and weigh about a quarter less.
 */
export function threeShadersPlugin(): Plugin {
  return {
    name: 'werkvloer-three-shaders',
    transform(code, id) {
      if (!shaderModule.test(id.split('?')[0]!)) return null;
      // The modules hold no `${…}` and no backquote inside the GLSL: each literal is one shader.
      return { code: code.replace(/`([^`]*)`/g, (_, glsl: string) => `\`${minifiedGlsl(glsl)}\``), map: null };
    },
  };
}
