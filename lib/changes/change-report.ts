import { ObjectChange, PlatformChanges } from './object-changes';

const MARK = { added: '+', removed: '-', changed: '~' };
/** Longest value shown inline; a larger one (a whole container) is summarised. */
const MAX_VALUE = 60;

/** `Kind namespace/name` (or `Kind name`), as a person says it. */
export function objectLabel(c: ObjectChange): string {
  const { kind, namespace, name } = c.object;
  return `${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`;
}

function counts(changes: readonly ObjectChange[]): string {
  const n = (type: ObjectChange['type']) => changes.filter((c) => c.type === type).length;
  const destructive = changes.filter((c) => c.destructive.length > 0).length;
  return `${n('added')} added, ${n('removed')} removed, ${n('changed')} changed${destructive > 0 ? `, ${destructive} DESTRUCTIVE` : ''}`;
}

function value(v: unknown): string {
  if (v === undefined) return '(none)';
  const text = JSON.stringify(v);
  return text.length <= MAX_VALUE ? text : `${text.slice(0, MAX_VALUE - 3)}...`;
}

/** One line per changed field: `path: before -> after`. */
export function fieldLines(c: ObjectChange): string[] {
  return c.fields.map((f) => `${f.path}: ${value(f.before)} -> ${value(f.after)}`);
}

/**
 * The change summary for a terminal: per platform, counts, then each object, destructive ones
 * first and marked `!`, with the reasons and the changed fields.
 */
export function formatChanges(platforms: readonly PlatformChanges[], against: string): string {
  const lines = [`changes against ${against}:`];
  for (const { platform, changes } of platforms) {
    lines.push(`  ${platform}: ${changes.length === 0 ? 'no changes' : counts(changes)}`);
    for (const c of changes) {
      lines.push(`    ${c.destructive.length > 0 ? '!' : ' '}${MARK[c.type]} ${c.type} ${objectLabel(c)} (${c.object.layer})`);
      for (const reason of c.destructive) lines.push(`        DESTRUCTIVE: ${reason}`);
      for (const line of fieldLines(c)) lines.push(`        ${line}`);
    }
  }
  return lines.join('\n');
}

/** The same difference as Markdown for a pull-request comment: per platform, then per layer. */
export function formatChangesMarkdown(platforms: readonly PlatformChanges[], against: string): string {
  const out = [`## Object changes against ${against}`, ''];
  for (const { platform, changes } of platforms) {
    out.push(`### ${platform}: ${changes.length === 0 ? 'no changes' : counts(changes)}`, '');
    const destructive = changes.filter((c) => c.destructive.length > 0);
    if (destructive.length > 0) {
      out.push('> [!CAUTION]', '> Destructive changes:');
      for (const c of destructive) out.push(`> - **${c.type} \`${objectLabel(c)}\`**: ${c.destructive.join('; ')}`);
      out.push('');
    }
    for (const layer of [...new Set(changes.map((c) => c.object.layer))]) {
      out.push(`#### ${layer}`, '', '| | object | changed fields |', '| --- | --- | --- |');
      for (const c of changes.filter((x) => x.object.layer === layer)) {
        const fields = fieldLines(c)
          .map((l) => `\`${l.replace(/\|/g, '\\|')}\``)
          .join('<br>');
        out.push(`| ${c.destructive.length > 0 ? '**!** ' : ''}${c.type} | \`${objectLabel(c)}\` | ${fields} |`);
      }
      out.push('');
    }
  }
  return out.join('\n').trimEnd() + '\n';
}
