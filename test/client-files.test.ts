import * as assert from 'node:assert/strict';
import { toBase64 } from '../server/src/io/base64.ts';
import { ClientFiles } from '../server/src/io/client-files.ts';
import { MemoryFiles } from '../server/src/io/memory-files.ts';
import { UriPaths } from '../server/src/io/uri-paths.ts';

/**
 * The browser's server reads files the editor sends: a step that reads synchronously is run
 * again until everything it asked for has arrived, and what arrives outside a step is
 * announced. Here the editor is files in memory behind asynchronous answers.
 */
function editor(files: MemoryFiles, budget?: number) {
  const asked: string[] = [];
  let arrivals = 0;
  const paths = new UriPaths();
  paths.addRoot('vscode-vfs://github/byran/rapporter');
  const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 1));
  const client = new ClientFiles(
    {
      stat: (uri) => {
        asked.push(`stat ${uri}`);
        return later(files.stat(paths.toPath(uri)!));
      },
      read: (uri) => {
        asked.push(`read ${uri}`);
        const read = files.readBytes(paths.toPath(uri)!);
        return later(read.ok ? { data: toBase64(read.value) } : { error: read.error, missing: read.missing });
      },
      find: async (roots, suffix, limit) => (await Promise.all(roots.map((r) => files.find([paths.toPath(r)!], suffix, limit)))).flat().map((p) => paths.toUri(p)),
    },
    (p) => paths.toUri(p),
    (u) => paths.toPath(u),
    () => arrivals++,
    budget,
  );
  return { client, asked, arrivals: () => arrivals };
}

describe('files from the editor (the browser server\'s ClientFiles)', () => {
  it('runs a step until everything it reads has arrived, and drops what was derived in between', async () => {
    const files = new MemoryFiles({ '/byran/rapporter/.granskarc.json': '{ "ord": "ord.txt" }', '/byran/rapporter/ord.txt': 'Ljusdal\n' });
    const { client, asked } = editor(files);
    let retries = 0;
    const words = await client.settle(() => {
      const config = client.readText('/byran/rapporter/.granskarc.json');
      if (!config.ok) return null;
      const name = (JSON.parse(config.value) as { ord: string }).ord;
      const list = client.readText(`/byran/rapporter/${name}`);
      return list.ok ? list.value.trim() : null;
    }, () => retries++);
    assert.equal(words, 'Ljusdal');
    assert.equal(retries, 2, 'the configuration, then the file it names');
    assert.deepEqual(asked, ['read vscode-vfs://github/byran/rapporter/.granskarc.json', 'read vscode-vfs://github/byran/rapporter/ord.txt']);
    // Known now: read at once, without asking again.
    assert.equal(client.readText('/byran/rapporter/ord.txt').ok, true);
    assert.equal(asked.length, 2);
  });

  it('answers a missing file as missing, and tells of files that arrive outside a step', async () => {
    const files = new MemoryFiles({ '/byran/rapporter/a.rev.md': '# A\n' });
    const { client, arrivals } = editor(files);
    assert.equal(await client.settle(() => client.stat('/byran/rapporter/saknas.rev.md')), null);
    const missing = await client.settle(() => client.readText('/byran/rapporter/saknas.rev.md'));
    assert.deepEqual(missing.ok ? null : [missing.missing, missing.code], [true, 'ENOENT']);
    assert.equal(arrivals(), 0, 'a step waits for its own files');
    assert.equal(client.readText('/byran/rapporter/a.rev.md').ok, false, 'not yet here');
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(arrivals(), 1);
    assert.equal(client.readText('/byran/rapporter/a.rev.md').ok, true);
  });

  it('reads a file again once the editor says it changed', async () => {
    const files = new MemoryFiles({ '/byran/rapporter/beslut.csv': 'v1' });
    const { client } = editor(files);
    const read = () => client.settle(() => {
      const r = client.readText('/byran/rapporter/beslut.csv');
      return r.ok ? r.value : null;
    });
    assert.equal(await read(), 'v1');
    files.write('/byran/rapporter/beslut.csv', 'v2');
    assert.equal(await read(), 'v1', 'kept until the editor tells');
    client.forget('/byran/rapporter/beslut.csv');
    assert.equal(await read(), 'v2');
  });

  it('keeps at most its budget of contents between steps, but all a step needs during it', async () => {
    const big = 'x'.repeat(1000);
    const files = new MemoryFiles({ '/byran/rapporter/a.rev.md': big, '/byran/rapporter/b.rev.md': big, '/byran/rapporter/c.rev.md': big });
    const { client, asked } = editor(files, 2500);
    const all = await client.settle(() => ['a', 'b', 'c'].map((n) => client.readText(`/byran/rapporter/${n}.rev.md`).ok));
    assert.deepEqual(all, [true, true, true], 'a step that needs more than the budget still gets it all');
    assert.equal(asked.length, 3);
    assert.equal(client.readText('/byran/rapporter/a.rev.md').ok, false, 'the oldest went after the step');
    assert.equal(client.readText('/byran/rapporter/c.rev.md').ok, true);
  });

  it('finds files by name through the editor, as paths', async () => {
    const files = new MemoryFiles({ '/byran/rapporter/a.rev.md': '', '/byran/rapporter/sub/B.REV.md': '', '/byran/rapporter/.dold/c.rev.md': '', '/byran/rapporter/d.md': '' });
    const { client } = editor(files);
    assert.deepEqual((await client.find(['/byran/rapporter'], '.rev.md', 10)).sort(), ['/byran/rapporter/a.rev.md', '/byran/rapporter/sub/B.REV.md']);
  });
});

describe('URIs of a workspace without a disk as paths', () => {
  it('turns paths back into the URIs the editor uses, per workspace folder', () => {
    const paths = new UriPaths();
    assert.equal(paths.addRoot('vscode-vfs://github/byran/rapporter'), '/byran/rapporter');
    paths.addRoot('vscode-test-web://mount/andra');
    assert.equal(paths.toPath('vscode-vfs://github/byran/rapporter/%C3%A5r%202024/r.rev.md'), '/byran/rapporter/år 2024/r.rev.md');
    assert.equal(paths.toUri('/byran/rapporter/år 2024/r.rev.md'), 'vscode-vfs://github/byran/rapporter/%C3%A5r%202024/r.rev.md');
    assert.equal(paths.toUri('/andra/x.rev.md'), 'vscode-test-web://mount/andra/x.rev.md');
    assert.equal(paths.toPath('untitled:Untitled-1'), null);
  });
});
