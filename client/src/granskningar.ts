import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';

// The overview's data as the server sends it; only its types are imported, none of its code.
import type { Overview, OverviewDocument, OverviewUnit } from '../../server/src/workspace/overview.js';

type Node = { kind: 'group'; label: string; documents: OverviewDocument[] } | { kind: 'document'; doc: OverviewDocument } | { kind: 'unit'; doc: OverviewDocument; unit: OverviewUnit };

// The document types and «Kontrollmål» are the auditors' own terms, the same in English.
const TYPE_LABEL: Record<string, string> = { granskningsrapport: 'Granskningsrapport', förstudie: 'Förstudie', uppföljning: 'Uppföljning', missiv: 'Missiv' };
const LEVEL_COLOR: Record<OverviewUnit['level'], string> = { good: 'testing.iconPassed', partial: 'list.warningForeground', bad: 'testing.iconFailed', unknown: 'disabledForeground' };

/**
 * The «Granskningar» view in the explorer: the workspace's documents grouped by kommun (or
 * by nämnd, by the setting `granska.granskningar.gruppera`), each with its status, date and
 * overdue reply, its kontrollmål with grades as children; a click opens the document.
 */
export class GranskningarView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private overview: Promise<Overview | null> | null = null;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.overview = null;
    this.changed.fire(undefined);
  }

  private load(): Promise<Overview | null> {
    this.overview ??= this.client.sendRequest<Overview | null>('granska/overview').catch(() => null);
    return this.overview;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const overview = await this.load();
      if (!overview) return [];
      const byBody = vscode.workspace.getConfiguration('granska').get<string>('granskningar.gruppera') === 'nämnd';
      const groups = new Map<string, OverviewDocument[]>();
      for (const d of overview.documents) {
        const keys = byBody ? (d.bodies.length > 0 ? d.bodies.map((b) => b.charAt(0).toUpperCase() + b.slice(1)) : [vscode.l10n.t('No committee')]) : [d.kommun ?? vscode.l10n.t('No kommun')];
        for (const k of keys) groups.set(k, [...(groups.get(k) ?? []), d]);
      }
      return [...groups].sort(([a], [b]) => a.localeCompare(b, 'sv')).map(([label, documents]) => ({ kind: 'group', label, documents }));
    }
    if (node.kind === 'group') return node.documents.map((doc) => ({ kind: 'document', doc }));
    if (node.kind === 'document') return node.doc.units.map((unit) => ({ kind: 'unit', doc: node.doc, unit }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} documents', node.documents.length);
      item.contextValue = 'granska.group';
      return item;
    }
    const uri = vscode.Uri.parse(node.doc.path);
    const open: vscode.Command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    if (node.kind === 'unit') {
      const item = new vscode.TreeItem(`Kontrollmål ${node.unit.number}${node.unit.text ? `: ${node.unit.text}` : ''}`, vscode.TreeItemCollapsibleState.None);
      item.description = node.unit.grade ?? vscode.l10n.t('no assessment');
      item.iconPath = new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(LEVEL_COLOR[node.unit.level]));
      item.command = open;
      return item;
    }
    const d = node.doc;
    const name = d.title ?? decodeURIComponent(uri.path.split('/').pop() ?? d.path);
    const label = d.type === 'missiv' ? `Missiv: ${name}` : name;
    const item = new vscode.TreeItem(label, d.units.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    const parts = [TYPE_LABEL[d.type ?? ''] ?? '?', d.status, d.date ?? ''].filter((p) => p !== '');
    if (d.reply) parts.push(d.reply.overdue ? vscode.l10n.t('reply overdue since {0}', d.reply.due) : vscode.l10n.t('reply by {0}', d.reply.due));
    if (d.followUp) parts.push(d.followUp.counts.map((c) => `${c.status} ${c.count}`).join(', '));
    item.description = parts.join(' · ');
    item.tooltip = new vscode.MarkdownString(undefined, false);
    item.tooltip.appendText(`${label}\n${parts.join(' · ')}`);
    item.iconPath = d.reply?.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon(d.type === 'missiv' ? 'mail' : 'file-text');
    item.contextValue = d.reply?.overdue ? 'granska.document.overdue' : 'granska.document';
    item.command = open;
    return item;
  }
}
