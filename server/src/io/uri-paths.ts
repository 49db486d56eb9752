import { URI } from 'vscode-uri';

/**
 * URIs of a workspace without a disk (vscode.dev's `vscode-vfs:`, github.dev's, a test's
 * `vscode-test-web:`) as the `/`-separated paths the core works with, and back. A path is
 * the URI's path; the scheme and authority of each workspace folder are kept so that a path
 * becomes the same URI the editor uses (vscode-uri encodes as VS Code does).
 */
export class UriPaths {
  private readonly origins: { path: string; scheme: string; authority: string }[] = [];

  /** Registers a workspace folder; the longest folder containing a path gives its origin. */
  addRoot(uri: string): string | null {
    const parsed = parse(uri);
    if (!parsed) return null;
    const path = trimSlash(parsed.path);
    if (!this.origins.some((o) => o.path === path && o.scheme === parsed.scheme && o.authority === parsed.authority)) {
      this.origins.push({ path, scheme: parsed.scheme, authority: parsed.authority });
      this.origins.sort((a, b) => b.path.length - a.path.length);
    }
    return path;
  }

  /**
   * The path of a document, folder or file URI; null for URIs that name no file
   * (`untitled:`). A URI under no known folder makes its own folder known, so that the
   * paths of its neighbours become URIs of the same scheme and authority.
   */
  toPath(uri: string): string | null {
    const parsed = parse(uri);
    if (!parsed || parsed.scheme === 'untitled' || !parsed.path.startsWith('/')) return null;
    const covered = this.origins.some((o) => o.scheme === parsed.scheme && o.authority === parsed.authority && within(o.path, parsed.path));
    if (!covered) {
      const folder = parsed.path.slice(0, parsed.path.lastIndexOf('/')) || '/';
      this.addRoot(URI.from({ scheme: parsed.scheme, authority: parsed.authority, path: folder }).toString());
    }
    return parsed.path;
  }

  toUri(path: string): string {
    const origin = this.origins.find((o) => within(o.path, path)) ?? this.origins[this.origins.length - 1];
    return URI.from({ scheme: origin?.scheme ?? 'file', authority: origin?.authority ?? '', path }).toString();
  }
}

function parse(uri: string): URI | null {
  try {
    return URI.parse(uri, true);
  } catch {
    return null;
  }
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Whether `path` is the folder `folder` or lies under it. */
function within(folder: string, path: string): boolean {
  return path === folder || path.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
}
