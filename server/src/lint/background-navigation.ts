import { codeActions } from '../features/code-actions.js';
import type { FeatureContext } from '../features/context.js';
import { definition, prepareRename, references, rename, renameProblem } from '../features/navigation.js';
import { readability } from '../features/status.js';
import type { Msg } from '../i18n.js';
import { renderer } from '../renderer.js';
import { describeStats } from '../spelling/prose.js';
import type { FeatureJob, NavigationFeature } from './background.js';
import type { LintEnvironment } from './lint.js';

/** A rename's answer from a worker: the reason the name cannot be used, or the edit (null when there is nothing to rename). */
export interface BackgroundRename {
  problem: Msg | null;
  edit: ReturnType<typeof rename>;
}

/**
 * The navigation features of a large document, its code actions, readability and preview, answered by its worker
 * from the model it keeps, as the request thread answers them for other documents. Like
 * the worker's lint and hover, it knows the document but not the workspace: references to a
 * decision list this document's citations only.
 */
export function navigationAnswer(ctx: FeatureContext, feature: NavigationFeature, job: FeatureJob, env: LintEnvironment): unknown {
  switch (feature) {
    case 'definition':
      return definition(ctx, job.offset);
    case 'references':
      return references(ctx, job.offset, job.includeDeclaration ?? true);
    case 'prepareRename':
      return prepareRename(ctx, job.offset);
    case 'rename': {
      const newName = job.newName ?? '';
      const problem = renameProblem(ctx, job.offset, newName);
      return { problem, edit: problem ? null : rename(ctx, job.offset, newName) } satisfies BackgroundRename;
    }
    case 'readability': {
      const stats = readability(ctx.doc, ctx.config);
      return { ...stats, text: describeStats(stats, ctx.locale, stats.limit) };
    }
    case 'codeAction':
      return codeActions(ctx, { start: job.offset, end: job.endOffset ?? job.offset, version: job.version, only: job.only, diagnostics: job.diagnostics }, env);
    case 'preview':
      // The renderer is loaded in the worker the first time its document is previewed.
      return renderer().previewOf(ctx.doc, ctx.config);
  }
}
