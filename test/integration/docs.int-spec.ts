import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { configVariableNames } from '../support/config-variables';

const root = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** Markdown without its fenced code blocks, where `#` lines and `](…)` are not headings or links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6} +(.+)$/gm)) {
    const base = text
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const userDocs = ['README.md', 'CHANGELOG.md', 'client/README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

describe('the documentation', () => {
  it('keeps the README for the 5-minute reader: under 1,500 words, in the order a newcomer needs', () => {
    const readme = read('README.md');
    // Counted as `wc -w` counts, code blocks included.
    const words = readme.split(/\s+/).filter(Boolean).length;
    expect(words).toBeLessThan(1_500);
    const sections = [...prose(readme).matchAll(/^## +(.+)$/gm)].map(([, title]) => title);
    const order = ['Try it', 'Frontends', 'The Strapi checklist', 'Deploy', 'Reference documentation'].map((start) => sections.findIndex((title) => title.startsWith(start)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it.each(userDocs)('%s links only to files and headings that exist', (file) => {
    const broken: string[] = [];
    for (const [, target] of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const [path, anchor] = target.split('#');
      const linked = path ? resolve(root, dirname(file), path) : join(root, file);
      if (!existsSync(linked)) {
        broken.push(`${target} (no ${relative(root, linked)})`);
        continue;
      }
      if (anchor && statSync(linked).isFile() && !anchorsOf(readFileSync(linked, 'utf8')).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
    }
    expect(broken).toEqual([]);
  });

  it('documents every environment variable the BFF reads in docs/configuration.md', () => {
    const reference = read('docs/configuration.md');
    // `X_FILE` variants are documented on X's row as "(or `_FILE`)".
    const documented = (name: string) => reference.includes(`\`${name}\``) || (name.endsWith('_FILE') && reference.includes(`\`${name.slice(0, -5)}\` (or \`_FILE\`)`));
    const missing = [...configVariableNames()].filter((name) => /^[A-Z][A-Z0-9_]+$/.test(name) && !documented(name));
    expect(missing).toEqual([]);
  });
});
