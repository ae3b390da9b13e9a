import { useEffect, useState } from 'preact/hooks';

type Renderer = (markdown: string) => string;
let renderer: Promise<Renderer> | null = null;

/** markdown-it without raw HTML, then DOMPurify; loaded on first use to keep the first page small. */
function loadRenderer(): Promise<Renderer> {
  renderer ??= Promise.all([import('markdown-it'), import('dompurify')]).then(([markdownIt, purify]) => {
    const markdown = new markdownIt.default({ html: false, linkify: false, typographer: false });
    const sanitizer = purify.default;
    sanitizer.addHook('afterSanitizeAttributes', (node) => {
      // Links in model answers leave the site without a referrer and never reach window.opener.
      if (node.tagName === 'A') {
        node.setAttribute('rel', 'noopener noreferrer nofollow');
        node.setAttribute('target', '_blank');
      }
    });
    return (text: string) =>
      sanitizer.sanitize(markdown.render(text), {
        ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
        FORBID_TAGS: ['img', 'svg', 'math', 'style', 'form', 'iframe'],
        USE_PROFILES: { html: true },
      });
  });
  return renderer;
}

/**
 * Untrusted model output as markdown. Until the renderer loads (or if it fails) the text is shown as
 * plain text; raw text never reaches innerHTML.
 */
export function MarkdownView({ text }: { text: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setHtml(null);
    loadRenderer().then(
      (render) => live && setHtml(render(text)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [text]);
  if (html === null) return <div class="answer plain">{text}</div>;
  return <div class="answer markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
