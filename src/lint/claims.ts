/**
 * Which rejections the rules' reports claim: a rule that declares a claim on a reason code owns
 * the rejections with that code at the statements it reports. The others go to the rule that
 * takes the unclaimed ones (rejected-statement), so that no rejection is reported twice and no
 * rule has to know which others exist.
 */
import { statementContaining } from '../ast.js';
import type { ParsedFile } from '../parse/index.js';
import type { EventBase, HistoryEvent, Rejection } from '../replay/history.js';
import { rootReason } from '../replay/reasons.js';
import type { Claim, Report } from '../rule.js';

function placeKey(fileOrder: number, statementIndex: number): string {
  return `${fileOrder}:${statementIndex}`;
}

export class ClaimedRejections {
  private readonly filesByPath: Map<string, ParsedFile>;
  /** What the rules claim at each statement they report. */
  private readonly claimsAt = new Map<string, Set<Claim>>();

  constructor(files: ParsedFile[]) {
    this.filesByPath = new Map(files.map((parsed) => [parsed.file.path, parsed]));
  }

  /** Records a rule's reports with its claims. */
  add(claims: readonly Claim[], reports: Report[]): void {
    for (const report of reports) {
      const file = this.filesByPath.get(report.file);
      const statement = file ? statementContaining(file.statements, report) : undefined;
      if (!statement) continue;
      const key = placeKey(file!.file.order, statement.index);
      const at = this.claimsAt.get(key) ?? new Set<Claim>();
      for (const claim of claims) at.add(claim);
      this.claimsAt.set(key, at);
    }
  }

  /**
   * The rejections of the history no recorded report claims. A rejection that undid its whole
   * file is never claimed: the rule that names its cause does not say the file was undone.
   */
  unclaimed(history: HistoryEvent[]): HistoryEvent[] {
    return history.filter((event) => event.action === 'error' && (event.rolledBack !== undefined || !this.isClaimed(event)));
  }

  private isClaimed(rejection: EventBase & Rejection): boolean {
    const claims = this.claimsAt.get(placeKey(rejection.origin.fileOrder, rejection.origin.statementIndex));
    if (!claims) return false;
    const root = rootReason(rejection.reason);
    const kind = 'kind' in root ? root.kind : undefined;
    return [...claims].some((claim) => claim.code === root.code && (!claim.kinds || (kind !== undefined && claim.kinds.includes(kind))));
  }
}
