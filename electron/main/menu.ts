import { Menu, type MenuItemConstructorOptions } from 'electron';
import { vi } from './vi.js';

export type MenuActions = { changeServerAddress(): void };

/** The application menu, in Vietnamese; developer tools only in unpackaged (development) runs. */
export function buildAppMenu(actions: MenuActions, isPackaged: boolean): Menu {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: vi.menu.reload },
    { type: 'separator' },
    { role: 'resetZoom', label: vi.menu.resetZoom },
    { role: 'zoomIn', label: vi.menu.zoomIn },
    { role: 'zoomOut', label: vi.menu.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: vi.menu.fullScreen },
    ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: vi.menu.devTools } as const]),
  ];
  return Menu.buildFromTemplate([
    {
      label: vi.menu.file,
      submenu: [
        { label: vi.changeServerAddress, click: () => actions.changeServerAddress() },
        { type: 'separator' },
        { role: 'quit', label: vi.quit },
      ],
    },
    {
      label: vi.menu.edit,
      submenu: [
        { role: 'undo', label: vi.menu.undo },
        { role: 'redo', label: vi.menu.redo },
        { type: 'separator' },
        { role: 'cut', label: vi.menu.cut },
        { role: 'copy', label: vi.menu.copy },
        { role: 'paste', label: vi.menu.paste },
        { role: 'selectAll', label: vi.menu.selectAll },
      ],
    },
    { label: vi.menu.view, submenu: view },
  ]);
}
