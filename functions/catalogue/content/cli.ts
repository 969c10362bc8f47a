/**
 * npm run content:check   validate content/ (exit 1 with every problem listed)
 * npm run content:sync    validate, then load it into the table and bucket named by the
 *                         environment (TABLE_NAME, CONTENT_BUCKET, AWS_REGION, endpoints)
 */
import { resolve } from 'node:path';
import { createClients } from '../../core/clients';
import { loadConfig } from '../../core/config';
import { formatProblems, loadContent } from './load';
import { syncContent } from './sync';
import { progressBar } from './progress';

async function main() {
  const [command = 'check', dirArg] = process.argv.slice(2);
  const root = resolve(dirArg ?? 'content');
  const { content, problems } = loadContent(root);
  if (problems.length) {
    console.error(formatProblems(problems));
    console.error(`\n✗ ${problems.length} masalah / problem(s) dalam / in ${root}`);
    process.exit(1);
  }
  const summary = `${content.programmes.length} programmes, ${content.categories.length} categories, ${content.courses.length} courses, ${content.orgUnits.length} organisation units`;
  if (command === 'check') {
    console.log(`✓ Kandungan sah / content is valid: ${summary}`);
    return;
  }
  if (command !== 'sync') {
    console.error(`Unknown command "${command}": use check or sync`);
    process.exit(2);
  }
  const config = loadConfig();
  const report = await syncContent(content, createClients(config), config, progressBar());
  console.log(`✓ Disegerakkan / synced: ${summary}`);
  console.log(`  written ${report.written}, deleted ${report.deleted}, retired ${report.retired}, unchanged ${report.unchanged}, snapshots ${report.snapshots}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
