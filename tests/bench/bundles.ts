/**
 * Lambda bundle sizes, built the way the CDK stack builds them (esbuild, minified, ESM,
 * @aws-sdk/* left to the runtime).
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { contexts } from '../../functions/contexts';

export async function measureBundles() {
  const rows: { name: string; minified: number; gzip: number }[] = [];
  for (const ctx of contexts) {
    const out = await build({
      entryPoints: [ctx.entry],
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      external: ['@aws-sdk/*'],
      write: false,
      logLevel: 'silent',
      banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    });
    const code = out.outputFiles[0]!.contents;
    rows.push({ name: ctx.name, minified: code.byteLength, gzip: gzipSync(code).byteLength });
  }
  return rows;
}
