import type { ContractError } from '../errors';
import { formatPath, type DocPath, type SourceDocument } from '../source';

/**
 * What reading one ODCS document found, besides the model: errors stop the product, warnings
 * name what is valid ODCS but is not built or enforced, so that nothing is dropped silently.
 */
export class DocumentIssues {
  readonly errors: ContractError[] = [];
  readonly warnings: ContractError[] = [];

  constructor(readonly document: SourceDocument) {}

  error(path: DocPath, message: string, hint: string): void {
    this.errors.push(this.at(path, message, hint));
  }

  /** A valid ODCS contract that cannot become S3 + Glue resources, said in the same words everywhere. */
  cannotBuild(path: DocPath, reason: string, hint: string): void {
    this.error(path, `cannot build: ${reason}`, hint);
  }

  warn(path: DocPath, message: string, hint: string): void {
    this.warnings.push(this.at(path, message, hint));
  }

  private at(path: DocPath, message: string, hint: string): ContractError {
    return { ...this.document.locate(path), path: formatPath(path), message, hint };
  }
}
