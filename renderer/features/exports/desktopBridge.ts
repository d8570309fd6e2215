import type { CrmBridge } from '../../../electron/preload/bridge';

/** The desktop shell's bridge (`window.crm`), undefined in a plain browser. */
export function desktopBridge(): CrmBridge | undefined {
  return (window as Window & { crm?: CrmBridge }).crm;
}
