/**
 * Lesson Markdown to HTML, once, at content sync (the Lambdas and the browser carry no Markdown
 * parser). Raw HTML in the Markdown is escaped, not passed through; links to other sites open
 * as ordinary links with rel="noopener"; tables get header scopes and a caption-less wrapper that
 * scrolls on a phone instead of overflowing the page.
 */
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const renderToken = md.renderer.renderToken.bind(md.renderer);

md.renderer.rules.th_open = (tokens, idx, options) => {
  tokens[idx]!.attrSet('scope', 'col');
  return renderToken(tokens, idx, options);
};
md.renderer.rules.table_open = () => '<div class="table-scroll" tabindex="0"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';
md.renderer.rules.link_open = (tokens, idx, options) => {
  const href = String(tokens[idx]!.attrGet('href') ?? '');
  if (/^https?:\/\//.test(href)) tokens[idx]!.attrSet('rel', 'noopener');
  return renderToken(tokens, idx, options);
};

export function renderLesson(markdown: string): string {
  return md.render(markdown);
}
