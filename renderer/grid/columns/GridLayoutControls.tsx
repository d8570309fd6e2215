import type { GridApi } from 'ag-grid-community';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import './columns.css';
import { ColumnChooserDialog } from './ColumnChooserDialog';
import { densities, densityOf, setDensity, type Density } from './density';

const densityLabel = { compact: 'grid.density.compact', normal: 'grid.density.normal', comfortable: 'grid.density.comfortable' } as const;

/** A grid's toolbar controls for its layout: Chọn cột and the density toggle (Gọn / Vừa / Rộng). Disabled until the grid is ready. */
export function GridLayoutControls({ api }: { api: GridApi | null }) {
  const { t } = useI18n();
  const [choosing, setChoosing] = useState(false);
  const [density, setShown] = useState<Density>('normal');
  // The density restored with the column state, or set here, as the grid has it.
  useEffect(() => {
    if (!api) return;
    const update = () => setShown(densityOf(api));
    update();
    api.addEventListener('componentStateChanged', update);
    return () => {
      if (!api.isDestroyed()) api.removeEventListener('componentStateChanged', update);
    };
  }, [api]);
  return (
    <>
      <Button disabled={!api} onClick={() => setChoosing(true)}>
        {t('grid.columns.choose')}
      </Button>
      <div role="group" aria-label={t('grid.density.label')} className="segmented">
        {densities.map((option) => (
          <button
            key={option}
            type="button"
            className="segmented-option"
            aria-pressed={density === option}
            disabled={!api}
            onClick={() => api && setDensity(api, option)}
          >
            {t(densityLabel[option])}
          </button>
        ))}
      </div>
      {choosing && api && <ColumnChooserDialog api={api} onClose={() => setChoosing(false)} />}
    </>
  );
}
