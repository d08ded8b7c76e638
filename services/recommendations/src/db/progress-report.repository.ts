import {
  insertIgnoringDuplicates,
  paginate,
  TenantModel,
  type Page,
  type PageRequest,
} from '@kollegia/service-kit';

import type { ProgressReportModel } from './progress-report.model';
import type { ProgressReportDocument } from './read-model.documents';

/** Progress reports, stored apart from their recommendations. */
export class ProgressReportRepository {
  private readonly docs: TenantModel<ProgressReportDocument>;

  constructor(private readonly reports: ProgressReportModel) {
    this.docs = new TenantModel(reports);
  }

  /** Stores reports; one stored before (same id) stays as it is. */
  add(reports: ProgressReportDocument[]): Promise<void> {
    return insertIgnoringDuplicates(this.reports.collection, reports);
  }

  page(
    tenantId: string,
    recommendationId: string,
    page: PageRequest,
  ): Promise<Page<ProgressReportDocument>> {
    return paginate(this.docs, tenantId, { recommendationId }, 'reportedAt', 1, page);
  }
}
