import { useI18n } from '../../i18n/useI18n';
import { LostReasonsSection } from './LostReasonsSection';
import { PipelinePanel } from './PipelinePanel';
import './reports.css';

/** Báo cáo (the dashboard, S5): lost opportunities by reason beside the pipeline by stage. */
export function ReportsPage() {
  const { t } = useI18n();
  return (
    <section className="page reports-page">
      <h1 className="page-title">{t('reports.title')}</h1>
      <div className="reports-layout">
        <LostReasonsSection />
        <PipelinePanel />
      </div>
    </section>
  );
}
