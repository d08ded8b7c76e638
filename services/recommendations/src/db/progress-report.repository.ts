import { paginate, type Page, type PageRequest } from '@kollegia/service-kit';

import { insertIgnoringDuplicates } from '@kollegia/service-kit';
import type { ProgressReportModel } from './progress-report.model';
import type { ProgressReportDocument } from './read-model.documents';

/** Progress reports, stored apart from their recommendations. */
export class ProgressReportRepository {
  constructor(private readonly reports: ProgressReportModel) {}

  /** Stores reports; one stored before (same id) stays as it is. */
  add(reports: ProgressReportDocument[]): Promise<void> {
    return insertIgnoringDuplicates(this.reports.collection, reports);
  }

  page(
    tenantId: string,
    recommendationId: string,
    page: PageRequest,
  ): Promise<Page<ProgressReportDocument>> {
    return paginate(this.reports, { tenantId, recommendationId }, 'reportedAt', 1, page);
  }
}
