import { isBlocking, type Finding } from './finding';
import { compareText } from '../contract/order';

/**
 * Every finding of one synthesis, contract and resource rules alike, in a stable order so reports
 * do not change from run to run.
 */
export class GovernanceLedger {
  private readonly entries: Finding[] = [];

  add(findings: readonly Finding[]): void {
    this.entries.push(...findings);
  }

  /** Sorted by rule, product, file position and construct path. */
  findings(): Finding[] {
    const key = (f: Finding) =>
      [f.ruleId, f.productId ?? '~', f.location?.file ?? '', String(f.location?.line ?? 0).padStart(6, '0'), String(f.location?.column ?? 0).padStart(4, '0'), f.constructPath ?? '', f.message].join(
        '|',
      );
    return [...this.entries].sort((a, b) => compareText(key(a), key(b)));
  }

  blocking(): Finding[] {
    return this.findings().filter(isBlocking);
  }
}
