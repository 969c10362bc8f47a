/**
 * The Content-Security-Policy of the web app, shared by CloudFront (cdk/constructs/web.ts,
 * a response headers policy) and the local static server that mirrors it
 * (functions/local/platform.ts), so the browser tests run the app under the same policy.
 *
 * Scripts: only files of this origin, plus SvelteKit's one inline bootstrap script per page,
 * allowed by its hash (computed from the built pages; the hash changes with every build, and
 * the policy is deployed with the build). No third-party script, no eval. Styles may be inline
 * (`style=` attributes written by SvelteKit and Svelte); they cannot run code. The API and the
 * sign-in provider are the only places the app may call.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `'sha256-…'` sources of every inline script of every HTML page under `buildDir`. */
export function inlineScriptHashes(buildDir: string): string[] {
  if (!existsSync(buildDir)) return [];
  const hashes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        for (const [, body] of readFileSync(path, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          hashes.add(`'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`);
        }
      }
    }
  };
  walk(buildDir);
  return [...hashes].sort();
}

/**
 * The policy. `connect` lists the origins the app calls besides its own: the OpenID issuer
 * (discovery, keys) and the hosted login's token endpoint.
 */
export function contentSecurityPolicy(options: { scriptHashes: readonly string[]; connect: readonly string[] }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${options.scriptHashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${options.connect.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
