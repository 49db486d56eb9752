import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { localize, msg } from '../i18n.js';
import { fixAll } from '../lint/fix.js';
import { parseWithConfig, runRules, type Finding, type LintEnvironment } from '../lint/lint.js';
import { commonPrefix, commonSuffix } from '../model/text.js';
import type { SpanEdit } from '../rules/rule.js';
import { currentSpeller } from '../spelling/speller.js';
import { ignoreInDocumentEdit } from '../spelling/word-list.js';
import { rangeOf, type FeatureContext } from './context.js';

/** The command «add to the word list» runs in the server: arguments `[uri, word]`. */
export const ADD_WORD_COMMAND = 'granska.addWord';

/** How many spelling suggestions the light bulb offers. */
const MAX_SUGGESTIONS = 5;

/** The kind of Granska's «fix all»: editors run it on save when `source.fixAll` is asked for. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.granska`;

/**
 * Quick fixes for the findings under a range, and the «fix all» source action. Fixes come
 * from the rules (each finding carries its own), computed on the model of the version the
 * request names, and every edit is tied to that version: an editor refuses to apply it to
 * a document that has changed since.
 */
export function codeActions(
  ctx: FeatureContext,
  request: { start: number; end: number; version: number; only?: string[]; diagnostics?: Diagnostic[] },
  env: LintEnvironment = {},
): CodeAction[] {
  const { doc, locale } = ctx;
  const wants = (kind: string) => !request.only || request.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const findings = runRules(doc, { ...env, config: ctx.config });
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const f of findings) {
      if (f.rule === 'stavning' && f.span.end >= request.start && f.span.start <= request.end) {
        out.push(...spellingActions(ctx, f, request.version, matchingDiagnostic(ctx, f, request.diagnostics)));
        continue;
      }
      if (f.fixes.length === 0 || f.span.end < request.start || f.span.start > request.end) continue;
      const diagnostic = matchingDiagnostic(ctx, f, request.diagnostics);
      f.fixes.forEach((fix, i) => {
        out.push({
          title: localize(fix.title, locale),
          kind: CodeActionKind.QuickFix,
          diagnostics: diagnostic ? [diagnostic] : undefined,
          // The first safe fix is what the light bulb offers with a keystroke.
          isPreferred: fix.safe && i === 0 ? true : undefined,
          edit: versioned(ctx, request.version, fix.edits),
        });
      });
    }
  }
  if (wants(FIX_ALL_KIND) && findings.some((f) => f.fixes.some((x) => x.safe))) {
    const fixed = fixAll(doc.text, (text) => runRules(parseWithConfig(text, ctx.config), { ...env, config: ctx.config }));
    if (fixed.changed) {
      out.push({
        title: localize(msg('Granska: rätta allt som kan rättas säkert', 'Granska: fix everything that is safe to fix'), locale),
        kind: FIX_ALL_KIND,
        edit: versioned(ctx, request.version, [minimalEdit(doc.text, fixed.text)]),
      });
    }
  }
  return out;
}

/**
 * The spelling quick fixes of one misspelt word: Hunspell's suggestions (computed here,
 * when the light bulb asks, since one costs about 0.1 s), «add to the word list» (a
 * command the server runs: it writes the project's word file) and «ignore in the
 * document» (an edit that adds the word to a `granska-ord` comment).
 */
function spellingActions(ctx: FeatureContext, f: Finding, version: number, diagnostic: Diagnostic | undefined): CodeAction[] {
  const word = ctx.doc.text.slice(f.span.start, f.span.end);
  const t = (sv: string, en: string) => localize(msg(sv, en), ctx.locale);
  const diagnostics = diagnostic ? [diagnostic] : undefined;
  const out: CodeAction[] = [];
  const suggestions = currentSpeller()?.suggest(word) ?? [];
  suggestions.slice(0, MAX_SUGGESTIONS).forEach((s, i) => {
    out.push({
      title: t(`Ändra till "${s}"`, `Change to "${s}"`),
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: i === 0 ? true : undefined,
      edit: versioned(ctx, version, [{ span: f.span, newText: s }]),
    });
  });
  out.push({
    title: t(`Lägg till "${word}" i ordlistan`, `Add "${word}" to the word list`),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    command: { title: t('Lägg till i ordlistan', 'Add to the word list'), command: ADD_WORD_COMMAND, arguments: [ctx.uri, word] },
  });
  out.push({
    title: t(`Ignorera "${word}" i dokumentet`, `Ignore "${word}" in the document`),
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: versioned(ctx, version, [ignoreInDocumentEdit(ctx.doc, word)]),
  });
  return out;
}

function versioned(ctx: FeatureContext, version: number, edits: readonly SpanEdit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({ range: rangeOf(ctx.doc, e.span), newText: e.newText }));
  return { documentChanges: [{ textDocument: { uri: ctx.uri, version }, edits: textEdits }] };
}

/** One edit covering only what changed between two texts, so that the editor keeps the cursor and folds elsewhere. */
export function minimalEdit(before: string, after: string): SpanEdit {
  const max = Math.min(before.length, after.length);
  const start = commonPrefix(before, after, max);
  const end = commonSuffix(before, after, max - start);
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}

function matchingDiagnostic(ctx: FeatureContext, f: Finding, diagnostics: Diagnostic[] | undefined): Diagnostic | undefined {
  if (!diagnostics) return undefined;
  const range = rangeOf(ctx.doc, f.span);
  return diagnostics.find((d) => d.code === f.rule && d.range.start.line === range.start.line && d.range.start.character === range.start.character);
}
