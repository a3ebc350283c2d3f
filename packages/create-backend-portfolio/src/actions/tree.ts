/**
 * Pure: relative file paths as an indented tree under `root`, folders first, each level sorted;
 * `note` can add a remark after a file.
 */
export function fileTree(root: string, files: readonly string[], note: (file: string) => string | undefined = () => undefined): string {
  interface Folder { folders: Map<string, Folder>; files: string[] }
  const top: Folder = { folders: new Map(), files: [] };
  for (const file of files) {
    const parts = file.split('/');
    let folder = top;
    for (const part of parts.slice(0, -1)) {
      let next = folder.folders.get(part);
      if (next === undefined) folder.folders.set(part, (next = { folders: new Map(), files: [] }));
      folder = next;
    }
    folder.files.push(parts.at(-1)!);
  }
  const lines = [`${root}/`];
  const walk = (folder: Folder, prefix: string, depth: number) => {
    for (const name of [...folder.folders.keys()].sort()) {
      lines.push(`${'  '.repeat(depth)}${name}/`);
      walk(folder.folders.get(name)!, `${prefix}${name}/`, depth + 1);
    }
    for (const name of [...folder.files].sort()) {
      const remark = note(`${prefix}${name}`);
      lines.push(`${'  '.repeat(depth)}${name}${remark === undefined ? '' : `  (${remark})`}`);
    }
  };
  walk(top, '', 1);
  return lines.join('\n');
}
