import { groupBy } from '@kollegia/service-kit/domain';
import { paginate, TenantModel, type Page, type PageRequest } from '@kollegia/service-kit';

import type { ProgressReportModel } from './progress-report.model';
import type { ProgressReportDocument } from './read-model.documents';

/** Progress reports, stored apart from their recommendations. */
export class ProgressReportRepository {
  private readonly docs: TenantModel<ProgressReportDocument>;

  constructor(reports: ProgressReportModel) {
    this.docs = new TenantModel(reports);
  }

  /** Stores reports; one stored before (same id) stays as it is. */
  async add(reports: ProgressReportDocument[]): Promise<void> {
    for (const [tenantId, ofTenant] of groupBy(reports, (report) => report.tenantId))
      await this.docs.insertIgnoringDuplicates(tenantId, ofTenant);
  }

  page(
    tenantId: string,
    recommendationId: string,
    page: PageRequest,
  ): Promise<Page<ProgressReportDocument>> {
    return paginate(this.docs, tenantId, { recommendationId }, 'reportedAt', 1, page);
  }
}
